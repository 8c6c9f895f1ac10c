package io.openta.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.runtime.db.Transactions;

/**
 * Where a message that cannot be handled goes: logged once and kept in {@code sched.parked_message} for an operator,
 * while its consumer moves past it. A poison message is never retried in a loop.
 */
@ApplicationScoped
public class Parking {
    private static final Logger LOG = Logger.getLogger(Parking.class);

    private final Transactions db;

    public Parking(Transactions db) {
        this.db = db;
    }

    public void park(String topic, Integer partition, Long offset, String payload, String reason) {
        LOG.errorf("parking a message of %s (partition %s, offset %s): %s; payload: %s", topic, partition, offset,
                reason, payload);
        try {
            db.inTransaction(sql -> sql.update("""
                    INSERT INTO sched.parked_message (topic, partition_no, record_offset, payload, reason)
                    VALUES ($1, $2, $3, $4, $5)""", topic, partition, offset, payload == null ? "" : payload, reason));
        } catch (RuntimeException e) {
            // the log line above keeps the message; the consumer still moves on
            LOG.errorf("could not store the parked message: %s", e.getMessage());
        }
    }
}
