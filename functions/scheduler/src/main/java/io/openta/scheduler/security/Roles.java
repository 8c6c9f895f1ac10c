package io.openta.scheduler.security;

/**
 * The operators' roles, as the bearer token's {@code groups} claim names them. Each is allowed what the ones below it
 * are: {@code admin} (cancel, rollback, migrate) includes {@code operator} (start, pause, resume), which includes
 * {@code viewer} (status, verify, leader). The endpoints list every role that may call them, so a token needs to carry
 * one role only.
 */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
