package io.openta.scheduler.service;

import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * A check the leading scheduler makes every so often (the cut-off, the pending starts, the Rollout follower): one
 * daemon thread that sleeps {@code every}, skips the turn while this process follows, and logs what the check throws
 * without ending the loop - a refusal by the fence ({@link NotLeaderException}: the lease moved meanwhile) as info,
 * anything else as an error - so the next turn tries again.
 */
public final class LeaderTimer {
    private static final Logger LOG = Logger.getLogger(LeaderTimer.class);

    private final String what;
    private final Duration every;
    private final Leadership leadership;
    private final Runnable check;
    private final Runnable whileFollowing;
    private volatile boolean running = true;

    private LeaderTimer(String what, Duration every, Leadership leadership, Runnable check, Runnable whileFollowing) {
        this.what = what;
        this.every = every;
        this.leadership = leadership;
        this.check = check;
        this.whileFollowing = whileFollowing;
    }

    /** Starts the thread {@code openta-<what>}; {@code whileFollowing} runs on each turn this process does not lead. */
    public static LeaderTimer start(String what, Duration every, Leadership leadership, Runnable check,
            Runnable whileFollowing) {
        LeaderTimer timer = new LeaderTimer(what, every, leadership, check, whileFollowing);
        Thread t = new Thread(timer::loop, "openta-" + what);
        t.setDaemon(true);
        t.start();
        return timer;
    }

    public static LeaderTimer start(String what, Duration every, Leadership leadership, Runnable check) {
        return start(what, every, leadership, check, () -> {
        });
    }

    public void stop() {
        running = false;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!leadership.isLeader()) {
                whileFollowing.run();
                continue;
            }
            try {
                check.run();
            } catch (NotLeaderException e) {
                LOG.infof("%s refused: %s", what, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed", what);
            }
        }
    }
}
