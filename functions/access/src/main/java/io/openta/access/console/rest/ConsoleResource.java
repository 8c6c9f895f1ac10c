package io.openta.access.console.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.openta.access.console.security.ConsoleRoles;
import io.openta.access.console.service.ConsoleSnapshot;
import io.openta.access.console.service.DayWatch;
import io.openta.model.events.Stage;
import io.openta.model.ofd.OfdFileName;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;

/**
 * The console page's own reads (the page itself is a static resource, {@code /console/}). Both need a bearer token
 * with an operator role, verified here as the scheduler verifies it; actions do not go through here but to the
 * scheduler ({@link SchedulerProxy}).
 */
@Path("/console/api")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {
    private final DayWatch watch;
    private final SecurityIdentity identity;

    public ConsoleResource(DayWatch watch, SecurityIdentity identity) {
        this.watch = watch;
        this.identity = identity;
    }

    /** Who signed in, their roles (the page shows the actions they allow) and the stage ids (rollback targets). */
    public record SignedIn(String user, List<String> roles, List<String> stages) {
    }

    @GET
    @Path("/me")
    @RolesAllowed({ ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR, ConsoleRoles.ADMIN })
    public SignedIn me() {
        return new SignedIn(identity.getPrincipal().getName(),
                ConsoleRoles.ALL.stream().filter(identity::hasRole).toList(),
                Arrays.stream(Stage.values()).map(Stage::id).toList());
    }

    /** The days and the state of {@code date} (default: the latest day), sent again each time it changes. */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR, ConsoleRoles.ADMIN })
    public Multi<ConsoleSnapshot> events(@QueryParam("date") String date) {
        if (date != null && !date.isEmpty() && !OfdFileName.validDate(date)) {
            throw new BadRequestException("not a date YYYYMMDD: " + date);
        }
        return watch.watch(date == null || date.isEmpty() ? null : date);
    }
}
