package io.openta.access.users;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the users file (issue 11 item 8). Only distributors and the fund manager sign in over SFTP. */
public enum Role {
    DISTRIBUTOR("distributor"),
    FUND_MANAGER("fund-manager"),
    VIEWER("viewer"),
    OPERATOR("operator"),
    ADMIN("admin");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for the roles that exchange files over SFTP (and so need a participant code). */
    public boolean transfersFiles() {
        return this == DISTRIBUTOR || this == FUND_MANAGER;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
