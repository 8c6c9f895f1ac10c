package io.openta.scheduler.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.openta.model.events.DayCommand;
import io.openta.model.events.Traffic;
import io.openta.model.rules.Texts;
import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.scheduler.messaging.Outbound;
import io.openta.scheduler.security.Roles;
import io.openta.scheduler.service.DayAudit;
import io.openta.scheduler.service.DayScheduler;
import io.openta.scheduler.service.DayStatusService;
import io.openta.scheduler.service.DayStatusService.DayStatus;
import io.openta.scheduler.service.DayStatusService.DaySummary;
import io.openta.scheduler.service.OperatorException;
import io.openta.scheduler.service.RollbackRequest;
import io.openta.scheduler.service.RollbackService;
import io.openta.scheduler.service.StorageRoots;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The operators' API. Starting, pausing, resuming and cancelling a day publish a day command (the scheduler acts on
 * the event, as it does on commands from anywhere else); status and rollback answer directly. Served by the leader
 * only: a follower answers 503 naming the leader ({@link FollowerFilter}). Every call needs a bearer token with a
 * role ({@link Roles}); who made a call is the token's principal, never something the caller writes in the request.
 * <p>
 * {@code ?traffic=shadow} on the reads, pause, resume, cancel and rollback acts on the stress days of the shadow set
 * (issue 12) instead of production's, with the same roles and the same bodies; without it (or
 * {@code traffic=production}) nothing changes. A scheduler without shadow traffic answers it with 409.
 */
@Path("/api/days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "days", description = "Clearing days")
public class DayResource {
    private static final Logger LOG = Logger.getLogger(DayResource.class);

    private final Outbound commands;
    private final DayStatusService status;
    private final RollbackService rollbacks;
    private final DayAudit audit;
    private final SecurityIdentity identity;
    private final StorageRoots roots;
    private final boolean shadowEnabled;

    public DayResource(Outbound commands, DayStatusService status, RollbackService rollbacks, DayAudit audit,
            SecurityIdentity identity, StorageRoots roots, ShadowConfig shadow) {
        this.shadowEnabled = shadow.enabled();
        this.roots = roots;
        this.identity = identity;
        this.commands = commands;
        this.status = status;
        this.rollbacks = rollbacks;
        this.audit = audit;
    }

    /**
     * Only here to be refused: day D always reads {@code <inbox root>/D} and writes {@code <outbox root>/D}
     * ({@link StorageRoots}); a start naming a folder gets 400.
     */
    @Schema(description = "Empty: day D reads <inbox root>/D and writes <outbox root>/D; naming inbox or outbox gets "
            + "400")
    public record StartRequest(String inbox, String outbox) {
    }

    public record Accepted(String date, String command, String requestId) {
    }

    public record Message(String message) {
    }

    /**
     * Exactly one of {@code to}, {@code file}, {@code account}. {@code by} is only here to be refused: the rollback
     * log records the token's principal.
     */
    public record RollbackBody(String to, String file, String account, String by) {
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "List the days the scheduler knows")
    public List<DaySummary> days(@QueryParam("traffic") String traffic) {
        return status.days(traffic(traffic));
    }

    @GET
    @Path("/{date}")
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "A day's status: stage, step, shard progress, stage runs and rollbacks")
    public DayStatus day(@PathParam("date") String date, @QueryParam("traffic") String traffic) {
        return status.day(traffic(traffic), checkDate(date));
    }

    @GET
    @Path("/{date}/verify")
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "Prove a completed day record by record from the state and the files it published")
    public DayAudit.Result verify(@PathParam("date") String date) {
        DayStatus day = status.day(checkDate(date));
        if (!"COMPLETED".equals(day.status())) {
            throw new OperatorException(409, "day " + date + " is " + day.status().toLowerCase() + ", not completed");
        }
        return audit.verify(date, java.nio.file.Path.of(day.outbox()));
    }

    @POST
    @Path("/{date}/start")
    @RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "Start (or resume after a crash or rollback) the clearing of a day")
    public Response start(@PathParam("date") String date, StartRequest body) {
        String day = checkDate(date);
        if (body != null && (body.inbox() != null || body.outbox() != null)) {
            throw new OperatorException(400, roots.pathsNotTaken(day));
        }
        if (!roots.configured()) {
            throw new OperatorException(503, StorageRoots.missing());
        }
        String inbox = roots.inboxOf(day);
        String outbox = roots.outboxOf(day);
        return send(new DayCommand(DayCommand.START, day, inbox, outbox, UUID.randomUUID().toString(), caller()));
    }

    @POST
    @Path("/{date}/pause")
    @RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "Stop dispatching the day's tasks; running ones finish")
    public Response pause(@PathParam("date") String date, @QueryParam("traffic") String traffic) {
        return control(traffic(traffic), DayCommand.PAUSE, date, "RUNNING");
    }

    @POST
    @Path("/{date}/resume")
    @RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "Continue a paused day")
    public Response resume(@PathParam("date") String date, @QueryParam("traffic") String traffic) {
        return control(traffic(traffic), DayCommand.RESUME, date, "PAUSED");
    }

    @POST
    @Path("/{date}/cancel")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stop the day and roll it back to its start")
    public Response cancel(@PathParam("date") String date, @QueryParam("traffic") String traffic) {
        return control(traffic(traffic), DayCommand.CANCEL, date, "RUNNING", "PAUSED", "STOPPED");
    }

    @POST
    @Path("/{date}/rollback")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Roll the latest day back: to a stage boundary, or withdrawing a file or an account")
    public Message rollback(@PathParam("date") String date, @QueryParam("traffic") String traffic,
            RollbackBody body) {
        Traffic set = traffic(traffic);
        if (body != null && body.by() != null) {
            throw new OperatorException(400, "\"by\" is not accepted: the rollback log records the signed-in user");
        }
        RollbackRequest req = body == null ? new RollbackRequest(null, null, null, caller())
                : new RollbackRequest(body.to(), body.file(), body.account(), caller());
        return new Message(rollbacks.rollback(set, checkDate(date), req));
    }

    /** The authenticated principal (the token's upn, preferred_username or sub). */
    private String caller() {
        return identity.getPrincipal().getName();
    }

    /**
     * Sends {@code type} for day {@code date} of {@code traffic}'s day set when the day is in one of the
     * {@code allowed} states there; else one line (404 no such day, 409 not in a state for it) and nothing is sent.
     */
    private Response control(Traffic traffic, String type, String date, String... allowed) {
        String current = status.day(traffic, checkDate(date)).status();
        if (!List.of(allowed).contains(current)) {
            throw new OperatorException(409, DayStatusService.name(traffic, date) + " is " + current.toLowerCase()
                    + ": cannot " + type.toLowerCase());
        }
        return send(new DayCommand(type, date, null, null, UUID.randomUUID().toString(), traffic));
    }

    private Response send(DayCommand command) {
        LOG.infof("%s: %s by %s (request %s)", DayStatusService.name(command.traffic(), command.date()),
                command.type(), caller(), command.requestId());
        commands.command(command); // acknowledged by the broker before the caller hears "accepted"
        return Response.accepted(new Accepted(command.date(), command.type(), command.requestId())).build();
    }

    /**
     * The day set a call names: {@code traffic} absent or {@code production} is production's, {@code shadow} the
     * stress days'; anything else is a 400, and shadow on a scheduler without shadow traffic a 409.
     */
    private Traffic traffic(String traffic) {
        Traffic set;
        try {
            set = Traffic.parse(traffic);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(400, e.getMessage());
        }
        if (set == Traffic.SHADOW && !shadowEnabled) {
            throw new OperatorException(409, DayScheduler.SHADOW_REFUSED);
        }
        return set;
    }

    private static String checkDate(String date) {
        if (!Texts.validDate(date) || date.length() != 8) {
            throw new OperatorException(400, "not a date YYYYMMDD: " + date);
        }
        return date;
    }

    /** Operator errors as {"message": ...} with their status. */
    @jakarta.ws.rs.ext.Provider
    public static class OperatorErrors implements jakarta.ws.rs.ext.ExceptionMapper<OperatorException> {
        @Override
        public Response toResponse(OperatorException e) {
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", e.getMessage())).build();
        }
    }
}
