package io.openta.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bench day run as a user runs it: {@code openta day} in its own JVM (as {@code ./openta} starts it, {@code -Xmx1g}
 * unless OPENTA_JAVA_OPTS says otherwise), timed from its start to its exit. Its output is passed through and read
 * back: the stage lines ({@link OpenTa#progressLine}) and the timing line ({@link DayCommand#timingLine}).
 *
 * @param date    the business date
 * @param stages  the stages as the command printed them
 * @param timing  the command's own split of its time
 * @param whole   milliseconds from starting the command's JVM to its exit
 * @param peakMb  the functions app's peak resident memory as the command printed it, -1 when it did not
 * @param disk    bytes on disk after the day, by what holds them (filled in by {@link #withDisk})
 */
record BenchDayRun(String date, List<Stage> stages, DayCommand.Timing timing, long whole, long peakMb,
        Map<String, Long> disk) {
    private static final Pattern STAGE = Pattern.compile("^(\\S+)\\s+records=(\\d+) shards=(\\d+) ([0-9]+)[.,]([0-9]{2}) s$");

    /** A stage line: name, records, shards, milliseconds (to the hundredth of a second printed). */
    record Stage(String stage, long records, int shards, long millis) {
    }

    /** Start-up of the launcher JVM itself: the whole minus what the command measured. */
    long launcherJvm() {
        return Math.max(0, whole - timing.whole());
    }

    /** This run with the functions app's peak read elsewhere (on a serve, from its functions app). */
    BenchDayRun withPeakMb(long mb) {
        return new BenchDayRun(date, stages, timing, whole, mb, disk);
    }

    BenchDayRun withDisk(Map<String, Long> bytes) {
        return new BenchDayRun(date, stages, timing, whole, peakMb, Map.copyOf(bytes));
    }

    /** Runs {@code openta day} on {@code data}; fails with the command's last lines when it does not exit 0. */
    static BenchDayRun run(String date, Path inbox, Path outbox, Path data, int shards, Map<String, String> env,
            PrintStream out) throws IOException, InterruptedException {
        List<String> cmd = launcherCommand(env, "day", "--date", date, "--inbox", inbox.toString(), "--outbox",
                outbox.toString(), "--data", data.toString(), "--shards", String.valueOf(shards));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<Stage> stages = new ArrayList<>();
        DayCommand.Timing timing = null;
        long peakMb = -1;
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.println("  | " + line);
                tail.add(line);
                if (tail.size() > 20) {
                    tail.remove(0);
                }
                stage(line).ifPresent(stages::add);
                java.util.OptionalLong peak = DayCommand.parsePeakMemory(line);
                if (peak.isPresent()) {
                    peakMb = peak.getAsLong();
                }
                Optional<DayCommand.Timing> t = DayCommand.parseTiming(line);
                if (t.isPresent()) {
                    timing = t.get();
                }
            }
        }
        p.waitFor(10, TimeUnit.MINUTES);
        long whole = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (p.isAlive() || p.exitValue() != 0 || timing == null) {
            p.destroyForcibly();
            throw new IOException("openta day --date " + date + " did not complete:\n" + String.join("\n", tail));
        }
        return new BenchDayRun(date, List.copyOf(stages), timing, whole, peakMb, Map.of());
    }

    /**
     * {@code openta ARGS} in a JVM of its own, as {@code ./openta} starts it: this launcher's class path, {@code -Xmx1g}
     * unless OPENTA_JAVA_OPTS (of {@code env}) says otherwise.
     */
    static List<String> launcherCommand(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(env.getOrDefault("OPENTA_JAVA_OPTS", "-Xmx1g").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenTa.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Optional<Stage> stage(String line) {
        Matcher m = STAGE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        long millis = new BigDecimal(m.group(4) + "." + m.group(5)).movePointRight(3).longValueExact();
        return Optional.of(new Stage(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)), millis));
    }
}
