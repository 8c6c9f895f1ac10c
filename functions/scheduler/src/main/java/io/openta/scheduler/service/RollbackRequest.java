package io.openta.scheduler.service;

/**
 * An operator's rollback of a day: exactly one of {@code to} (a stage id: back to the boundary before it),
 * {@code file} (withdraw one input file) or {@code account} (withdraw one TAAccountID's applications of the day).
 *
 * @param by who asks, recorded in the rollback log: the API puts the authenticated principal here, never a value
 *           from the request
 */
public record RollbackRequest(String to, String file, String account, String by) {
}
