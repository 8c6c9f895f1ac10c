package io.openta.runtime.chaos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Faults injected for the failure tests, enabled by configuration only: {@code OPENTA_FAILPOINTS} (property
 * {@code openta.failpoints}) is a comma-separated list of {@code name} or {@code name=argument}. An app started in
 * the {@code prod} profile with failpoints set refuses to start, so a production process never carries them.
 *
 * <ul>
 * <li>{@code exit-after-commit-before-send[=STAGE]}: the scheduler halts right after a decision committed and before
 * it sends the tasks it decided (of STAGE, when given), once;</li>
 * <li>{@code sleep-in-task=STAGE:MILLIS[+STAGE:MILLIS...]}: the first task of each STAGE this process runs sleeps
 * MILLIS inside its transaction;</li>
 * <li>{@code publish-file-delay=MILLIS}: the publisher waits MILLIS after each file it copies to the outbox.</li>
 * <li>{@code charge-plus-one-cent}: every purchase this process confirms is charged one cent more than the fee table
 * gives, its ConfirmedVol following from that Charge as the rule computes it (a wrong fee, consistent in the
 * database and the files: what only a recomputing verify catches);</li>
 * <li>{@code residue-cent-to-wrong-account}: the residue cents of money-market income go to the last positions in
 * the ranking instead of the first (Σ income stays right, the accounts are wrong).</li>
 * </ul>
 * The last two make a "bad canary": the same build with a failpoint on.
 */
@ApplicationScoped
public class Failpoints {
    private static final Logger LOG = Logger.getLogger(Failpoints.class);

    public static final String EXIT_AFTER_COMMIT = "exit-after-commit-before-send";
    public static final String SLEEP_IN_TASK = "sleep-in-task";
    public static final String PUBLISH_FILE_DELAY = "publish-file-delay";
    public static final String CHARGE_PLUS_ONE_CENT = "charge-plus-one-cent";
    public static final String RESIDUE_CENT_TO_WRONG_ACCOUNT = "residue-cent-to-wrong-account";

    private final Map<String, String> armed;
    /** The stages whose first task has slept already. */
    private final java.util.Set<String> slept = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Failpoints(@ConfigProperty(name = "openta.failpoints") Optional<String> spec) {
        this.armed = parse(spec.orElse(""));
    }

    static Map<String, String> parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            m.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
        }
        return m;
    }

    void onStart(@Observes StartupEvent event) {
        if (armed.isEmpty()) {
            return;
        }
        if (ConfigUtils.getProfiles().contains("prod")) {
            String line = "failpoints " + armed.keySet() + " are refused in the prod profile (set QUARKUS_PROFILE "
                    + "to a test profile)";
            LOG.error(line);
            throw new IllegalStateException(line); // stops the start
        }
        LOG.warnf("FAILPOINTS ARMED: %s", armed);
    }

    public boolean armed(String name) {
        return armed.containsKey(name);
    }

    /** Halts the process (as kill -9 would: no shutdown hook, nothing flushed) if {@code name} is armed for this. */
    public void haltIf(String name, String stage) {
        String arg = armed.get(name);
        if (arg != null && (arg.isEmpty() || arg.equals(stage))) {
            LOG.warnf("failpoint %s (%s): halting now", name, stage);
            Runtime.getRuntime().halt(137);
        }
    }

    /** Sleeps in the first task of each armed stage (once per stage and process). */
    public void sleepInTask(String stage) {
        String arg = armed.get(SLEEP_IN_TASK);
        if (arg == null) {
            return;
        }
        for (String one : arg.split("\\+")) {
            if (one.startsWith(stage + ":") && slept.add(stage)) {
                long ms = Long.parseLong(one.substring(stage.length() + 1));
                LOG.warnf("failpoint %s: a task of %s sleeps %d ms", SLEEP_IN_TASK, stage, ms);
                pause(ms);
                return;
            }
        }
    }

    public void publishFileDelay() {
        String arg = armed.get(PUBLISH_FILE_DELAY);
        if (arg != null) {
            pause(Long.parseLong(arg));
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
