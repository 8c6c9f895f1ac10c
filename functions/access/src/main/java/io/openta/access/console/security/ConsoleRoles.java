package io.openta.access.console.security;

import java.util.List;

/**
 * The operators' roles, as the bearer token's {@code groups} claim names them - the scheduler's roles (its
 * {@code security/Roles}): {@code viewer} (status, verify) below {@code operator} (start, pause, resume) below
 * {@code admin} (cancel, rollback). The console only reads with them; the scheduler decides every action.
 */
public final class ConsoleRoles {
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    /** Lowest first. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private ConsoleRoles() {
    }
}
