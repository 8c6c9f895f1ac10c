package io.openta.scheduler.rest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.openta.model.rules.Texts;
import io.openta.register.MigrationFailure;
import io.openta.register.RegisterMigration;
import io.openta.scheduler.security.Roles;
import io.openta.scheduler.service.StorageRoots;

/**
 * Register migration through the API (spec v2 2.9), the same code as {@code ./openta migrate}, from the 05 files in
 * {@code <inbox root>/D}: 200 with what was taken over, 422 with the cause (file, record, rule) when it is refused,
 * nothing kept.
 */
@jakarta.ws.rs.Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "register", description = "Taking over a previous TA's register")
public class RegisterResource {
    private final DataSource db;
    private final StorageRoots roots;

    public RegisterResource(DataSource db, StorageRoots roots) {
        this.db = db;
        this.roots = roots;
    }

    /**
     * The business date D of the register; its 05 files are read from {@code <inbox root>/D}. {@code inbox} is only
     * here to be refused: the API takes no folder.
     */
    @Schema(description = "date only: the 05 files are read from <inbox root>/<date>; naming inbox gets 400")
    public record MigrateRequest(String date, String inbox) {
    }

    public record Refusal(String message) {
    }

    @POST
    @jakarta.ws.rs.Path("/migrate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take over a register from 05 files (only before any day; all or nothing)")
    public Response migrate(MigrateRequest request) throws SQLException {
        if (request == null || request.date() == null) {
            return Response.status(400).entity(new Refusal("give date")).build();
        }
        if (!Texts.validDate(request.date()) || request.date().length() != 8) {
            return Response.status(400).entity(new Refusal("not a date YYYYMMDD: " + request.date())).build();
        }
        if (request.inbox() != null) {
            return Response.status(400).entity(new Refusal(roots.pathsNotTaken(request.date()))).build();
        }
        if (!roots.configured()) {
            return Response.status(503).entity(new Refusal(StorageRoots.missing())).build();
        }
        String inbox = roots.inboxOf(request.date());
        try (Connection c = db.getConnection()) {
            return Response.ok(RegisterMigration.migrate(c, request.date(), Path.of(inbox))).build();
        } catch (MigrationFailure e) {
            return Response.status(422).entity(new Refusal(e.getMessage())).build();
        }
    }
}
