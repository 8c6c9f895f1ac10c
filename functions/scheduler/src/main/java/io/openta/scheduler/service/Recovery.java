package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Runs the leader's sweep ({@link DayScheduler#recover}) every few seconds while this process leads, the first one
 * right after a takeover. Followers do nothing here.
 */
@ApplicationScoped
public class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final DayScheduler scheduler;
    private final Leadership leadership;

    public Recovery(DayScheduler scheduler, Leadership leadership) {
        this.scheduler = scheduler;
        this.leadership = leadership;
    }

    @Scheduled(every = "${openta.scheduler.sweep-every:2s}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = MigrateOnly.Skip.class)
    void sweep() {
        if (!leadership.isLeader()) {
            return;
        }
        boolean takeover = leadership.takeTakeover();
        try {
            scheduler.recover(takeover);
        } catch (NotLeaderException e) {
            LOG.infof("sweep refused: %s", e.getMessage());
        } catch (RuntimeException e) {
            if (takeover) {
                leadership.takeoverAgain();
            }
            LOG.errorf(e, "sweep failed");
        }
    }
}
