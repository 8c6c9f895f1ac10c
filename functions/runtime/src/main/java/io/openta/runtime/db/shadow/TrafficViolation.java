package io.openta.runtime.db.shadow;

/**
 * A statement refused because it names a table of the other traffic (a shadow transaction naming a production table,
 * or the reverse), or shadow work while shadow traffic is off. The transaction is rolled back: nothing it did stays.
 */
public class TrafficViolation extends RuntimeException {
    public TrafficViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
