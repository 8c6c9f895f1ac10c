package io.openta.runtime.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Run by the local launcher (openta.parent-pid set), the app leaves with it: a launcher killed with -9 leaves no
 * orphan working on, and the next run starts from what the database holds.
 */
@ApplicationScoped
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    void onStart(@Observes StartupEvent event, OpenTaConfig config) {
        config.parentPid().flatMap(ProcessHandle::of).ifPresent(parent -> {
            Thread t = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                LOG.warnf("parent process %d is gone: exiting", parent.pid());
                Quarkus.asyncExit(3);
                Runtime.getRuntime().halt(3);
            }, "openta-parent-watch");
            t.setDaemon(true);
            t.start();
        });
    }
}
