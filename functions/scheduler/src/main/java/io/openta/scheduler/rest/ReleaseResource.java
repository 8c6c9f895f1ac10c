package io.openta.scheduler.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.openta.scheduler.security.Roles;
import io.openta.scheduler.service.OperatorException;
import io.openta.scheduler.service.ReleaseService;
import io.openta.scheduler.service.ReleaseService.ReleaseStatus;
import io.quarkus.security.identity.SecurityIdentity;

/** The gray release: its step (whose segment the canary track clears) and the canary's abort. */
@Path("/api/release")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "release", description = "Gray release by account segment")
public class ReleaseResource {
    private final ReleaseService release;
    private final SecurityIdentity identity;

    public ReleaseResource(ReleaseService release, SecurityIdentity identity) {
        this.release = release;
        this.identity = identity;
    }

    public record StepBody(String step) {
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "The release step, its segment, and whether the canary is aborted")
    public ReleaseStatus status() {
        return release.status();
    }

    @POST
    @Path("/step")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the release step (a step of segments.json); applies from the next stage start")
    public ReleaseStatus setStep(StepBody body) {
        if (body == null || body.step() == null || body.step().isBlank()) {
            throw new OperatorException(400, "no step given: {\"step\": \"STEP\"}");
        }
        return release.setStep(body.step(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/abort")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Abort the canary: stages starting from now run on the stable track only, and the canary's "
            + "work of a day not yet published is undone before the day publishes")
    public ReleaseStatus abort() {
        return release.abort(identity.getPrincipal().getName());
    }
}
