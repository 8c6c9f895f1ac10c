package io.openta.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Which failures {@link DbRetry} waits out (the database's) and which it passes through at once (everything else). */
class DbRetryTest {

    private static DbRetry retryingFor(Duration reconnectFor) {
        return new DbRetry(new DbConfig() {
            @Override
            public Duration reconnectFor() {
                return reconnectFor;
            }

            @Override
            public Duration taskIdleLimit() {
                return Duration.ofMinutes(2);
            }
        });
    }

    @Test
    void aLostConnectionIsTransient() {
        assertTrue(DbRetry.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DbRetry.isTransient(new UncheckedIOException(new IOException("Connection reset by peer"))));
    }

    @Test
    void aMissingOrUnreadableFileIsNot() {
        // a task whose inbox file was removed once waited two minutes here, logged as an unreachable database
        assertFalse(DbRetry.isTransient(new UncheckedIOException(
                new NoSuchFileException("/inbox/20260105/OFD_D05_99_20260105_01.TXT"))));
        assertFalse(DbRetry.isTransient(new UncheckedIOException(new AccessDeniedException("/outbox/20260105"))));
    }

    @Test
    void aFileErrorFailsAtOnceWithItsOwnException() {
        AtomicInteger attempts = new AtomicInteger();
        UncheckedIOException missing = new UncheckedIOException(new NoSuchFileException("OFD_D05_99_20260105_01.TXT"));
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class,
                () -> retryingFor(Duration.ofMinutes(2)).run("import", () -> {
                    attempts.incrementAndGet();
                    throw missing;
                }));
        assertSame(missing, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void aLostConnectionIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retryingFor(Duration.ofMinutes(1)).run("clearing", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new UncheckedIOException(new ConnectException("Connection refused"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }
}
