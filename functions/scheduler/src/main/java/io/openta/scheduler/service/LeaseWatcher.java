package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Looks for expired leases and due retries every few seconds. */
@ApplicationScoped
public class LeaseWatcher {
    private final DayScheduler scheduler;

    public LeaseWatcher(DayScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Scheduled(every = "${openta.scheduler.watch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        scheduler.watchLeases();
    }
}
