package io.openta.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link DayVerifier} found: the checks it ran, each with how many records it looked at and how many
 * mismatches it found, and the mismatches themselves (at most {@link #MAX_KEPT_PER_CHECK} kept per check; the
 * counts are always complete).
 */
public final class VerifyReport {
    /** Mismatches kept per check; a wholly wrong state of millions of rows does not fill the memory. */
    public static final int MAX_KEPT_PER_CHECK = 1000;

    /** Check names, in the order they run. */
    public static final String ACCOUNTS = "accounts";
    public static final String CONFIRMATIONS = "confirmations";
    public static final String POSITIONS = "positions";
    public static final String MOVES = "moves";
    public static final String INCOME = "income";
    public static final String FILES = "files";

    /**
     * One check run.
     *
     * @param name       e.g. {@code positions}
     * @param what       what it proves, one line
     * @param records    how many records (rows or file records) it looked at
     * @param mismatches how many mismatches it found
     */
    public record Check(String name, String what, long records, long mismatches) {
        public boolean ok() {
            return mismatches == 0;
        }
    }

    /**
     * The version and release track recorded by the task that wrote a record ({@code sched.task_execution}).
     *
     * @param version e.g. {@code 1.0.0-SNAPSHOT}, or null when the task recorded none
     * @param track   {@code stable} or {@code canary}, or null when the task recorded none
     */
    public record Writer(String version, String track) {
        /** The writer of mismatches that cannot be tied to a task (files, positions, rows of an older schema). */
        public static final Writer UNATTRIBUTED = new Writer("unattributed", "unattributed");

        @Override
        public String toString() {
            return "version " + version + ", track " + track;
        }
    }

    /**
     * One disagreement.
     *
     * @param check    the check that found it
     * @param where    the table or file, e.g. {@code clr.position} or {@code OFD_99_A01_20261125_05.TXT}
     * @param record   the record: {@code serial ...}, {@code TAAccountID 000000000001 fund MMF001},
     *                 {@code record 3}, or the fund / file as a whole
     * @param expected what the state (or the rule) says
     * @param found    what is there
     * @param writer   who wrote the record, {@link Writer#UNATTRIBUTED} when no task can be named
     */
    public record Mismatch(String check, String where, String record, String expected, String found, Writer writer) {
        public Mismatch(String check, String where, String record, String expected, String found) {
            this(check, where, record, expected, found, Writer.UNATTRIBUTED);
        }

        @Override
        public String toString() {
            return "[" + check + "] " + where + (record == null || record.isEmpty() ? "" : ", " + record)
                    + ": expected " + expected + ", found " + found
                    + (writer == Writer.UNATTRIBUTED ? "" : " (written by " + writer + ")");
        }
    }

    private final String date;
    private final String outbox;
    private final Map<String, long[]> counts = new LinkedHashMap<>();   // name -> {records, mismatches}
    private final Map<String, String> whats = new LinkedHashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<String, Integer> kept = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Writer, Long> byWriter = new LinkedHashMap<>();
    private final Set<Writer> writers = new LinkedHashSet<>();

    VerifyReport(String date, String outbox) {
        this.date = date;
        this.outbox = outbox;
    }

    void begin(String check, String what) {
        counts.putIfAbsent(check, new long[2]);
        whats.putIfAbsent(check, what);
    }

    void records(String check, long n) {
        counts.computeIfAbsent(check, k -> new long[2])[0] += n;
    }

    void mismatch(String check, String where, String record, Object expected, Object found) {
        mismatch(check, where, record, expected, found, null);
    }

    /** A mismatch in a record {@code writer} wrote (null: unattributed). */
    void mismatch(String check, String where, String record, Object expected, Object found, Writer writer) {
        Writer w = writer == null ? Writer.UNATTRIBUTED : writer;
        counts.computeIfAbsent(check, k -> new long[2])[1]++;
        byWriter.merge(w, 1L, Long::sum);
        int k = kept.merge(check, 1, Integer::sum);
        if (k <= MAX_KEPT_PER_CHECK) {
            mismatches.add(new Mismatch(check, where, record, String.valueOf(expected), String.valueOf(found), w));
        }
    }

    void wrote(Set<Writer> taskWriters) {
        writers.addAll(taskWriters);
    }

    void note(String text) {
        notes.add(text);
    }

    public String date() {
        return date;
    }

    /** The outbox the files were read from. */
    public String outbox() {
        return outbox;
    }

    public List<Check> checks() {
        List<Check> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new Check(name, whats.getOrDefault(name, ""), c[0], c[1])));
        return Collections.unmodifiableList(out);
    }

    public Check check(String name) {
        return checks().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The mismatches kept, in the order found. */
    public List<Mismatch> mismatches() {
        return Collections.unmodifiableList(mismatches);
    }

    public List<Mismatch> mismatches(String check) {
        return mismatches.stream().filter(m -> m.check().equals(check)).toList();
    }

    /** Every mismatch found, kept or not. */
    public long mismatchCount() {
        return counts.values().stream().mapToLong(c -> c[1]).sum();
    }

    /**
     * Every mismatch found (kept or not), by the version and track that wrote its record; those no task can be named
     * for under {@link Writer#UNATTRIBUTED}. Sums to {@link #mismatchCount()}.
     */
    public Map<Writer, Long> mismatchesByWriter() {
        return Collections.unmodifiableMap(byWriter);
    }

    /**
     * Every version and track that ran a task of the day (sched.task_execution), with or without a mismatch: a
     * counter per writer can then read 0 for a writer that did work and wrote nothing wrong.
     */
    public Set<Writer> writers() {
        return Collections.unmodifiableSet(writers);
    }

    /** Remarks that are not mismatches (e.g. the day is not the latest cleared one). */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public boolean ok() {
        return mismatchCount() == 0;
    }
}
