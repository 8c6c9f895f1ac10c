package io.openta.scheduler.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.openta.scheduler.repository.LeaderLease;
import io.openta.scheduler.security.Roles;
import io.openta.scheduler.service.Leadership;

/** Who leads: served by every scheduler, leader or follower. */
@Path("/api/leader")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "leader", description = "Scheduler leadership")
public class LeaderResource {
    private final Leadership leadership;

    public LeaderResource(Leadership leadership) {
        this.leadership = leadership;
    }

    /**
     * @param self      this scheduler's holder id
     * @param leading   whether this scheduler holds the lease (as of its last renewal)
     * @param epoch     this scheduler's epoch, 0 when following
     * @param leader    the lease as last read: holder, URL, epoch, shards, until when, since when
     */
    public record LeaderView(String self, boolean leading, long epoch, LeaderLease.Holder leader) {
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN })
    @Operation(summary = "This scheduler's role and the leadership lease as it last read it")
    public LeaderView leader() {
        return new LeaderView(leadership.holder(), leadership.isLeader(), leadership.epoch(), leadership.lastSeen());
    }
}
