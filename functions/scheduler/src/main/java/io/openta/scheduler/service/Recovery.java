package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.openta.runtime.config.OpenTaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the leader's sweep ({@link DayScheduler#recover}) on its own thread: right after a takeover (looked for
 * every 100 ms) and then every {@code openta.scheduler.sweep-every}. Followers do nothing here. Its own thread, so
 * that no other scheduled job can hold the first sweep of a new leader back.
 */
@ApplicationScoped
public class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final DayScheduler scheduler;
    private final Leadership leadership;
    private final SchedulerConfig scheduling;
    private volatile boolean running = true;

    public Recovery(DayScheduler scheduler, Leadership leadership, SchedulerConfig scheduling) {
        this.scheduler = scheduler;
        this.leadership = leadership;
        this.scheduling = scheduling;
    }

    void onStart(@Observes StartupEvent event, OpenTaConfig config) {
        if (config.migrateOnly()) {
            return;
        }
        Thread t = new Thread(this::loop, "openta-sweep");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void loop() {
        long next = 0;
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            if (!leadership.isLeader()) {
                continue;
            }
            boolean takeover = leadership.takeTakeover();
            if (takeover || System.nanoTime() - next >= 0) {
                sweep(takeover);
                next = System.nanoTime() + scheduling.sweepEvery().toNanos();
            }
        }
    }

    private void sweep(boolean takeover) {
        try {
            if (takeover) {
                LOG.infof("takeover sweep (epoch %d)", leadership.epoch());
            }
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
