package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An operator's rollback takes its turn with the scheduler's own decisions (commands, results, the sweep), as
 * {@link RollbackService} says: while a decision runs, a rollback waits for it. It used to lock the injected
 * {@link DayScheduler} reference, the CDI client proxy, which the scheduler's {@code synchronized} methods never lock,
 * so a rollback ran beside the sweep and the inbox. Real PostgreSQL and Kafka ({@link EmbeddedInfra}).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class RollbackTurnTest {
    @Inject
    DayScheduler scheduler;
    @Inject
    RollbackService rollbacks;
    @Inject
    Leadership leadership;

    @Test
    void aRollbackWaitsForTheSchedulersDecisionInProgress() throws Exception {
        for (int i = 0; i < 600 && !leadership.isLeader(); i++) {
            Thread.sleep(50);
        }
        assertTrue(leadership.isLeader(), "this scheduler never took the lease");
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(1);
        // stands for a decision of the scheduler (onCommand, onResult, recover): it holds the scheduler's turn
        CompletableFuture<Void> decision = CompletableFuture.runAsync(() -> scheduler.inTurn(() -> {
            deciding.countDown();
            try {
                decided.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(deciding.await(30, TimeUnit.SECONDS));

        CompletableFuture<String> rollback = CompletableFuture.supplyAsync(() -> rollbacks.rollback("20991231",
                new RollbackRequest("day-init", null, null, "tester")));
        // the rollback of an unknown day answers 404 at once when it runs: here it must not run yet
        assertThrows(java.util.concurrent.TimeoutException.class, () -> rollback.get(2, TimeUnit.SECONDS),
                "the rollback ran while the scheduler's decision was in progress");
        assertFalse(rollback.isDone());

        decided.countDown();
        decision.get(30, TimeUnit.SECONDS);
        ExecutionException answered = assertThrows(ExecutionException.class, () -> rollback.get(30, TimeUnit.SECONDS));
        OperatorException refused = (OperatorException) answered.getCause();
        assertEquals("no day 20991231", refused.getMessage());
    }
}
