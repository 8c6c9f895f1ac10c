package io.openta.scheduler.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.openta.scheduler.repository.LeaderLease;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.NotLeaderException;

/**
 * A follower does not serve the operators' API: {@code /api/days...} answers 503 with the leader's holder id and URL
 * (when a live leader is known), so a caller can go there. {@code /api/leader} is served by every scheduler.
 */
@Provider
public class FollowerFilter implements ContainerRequestFilter {
    private final Leadership leadership;

    public FollowerFilter(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/days") || leadership.isLeader()) {
            return;
        }
        request.abortWith(notLeader(leadership.lastSeen()));
    }

    static Response notLeader(LeaderLease.Holder leader) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean known = leader != null && leader.live();
        body.put("message", "this scheduler is a follower; " + (known ? "the leader is " + leader.holder() + " at "
                + leader.url() : "no leader holds the lease right now: try again in a few seconds"));
        body.put("leader", known ? leader.holder() : null);
        body.put("leaderUrl", known ? leader.url() : null);
        return Response.status(503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** A write fenced off mid-request (the lease was lost meanwhile) answers the same way. */
    @Provider
    public static class NotLeaderMapper implements jakarta.ws.rs.ext.ExceptionMapper<NotLeaderException> {
        private final Leadership leadership;

        public NotLeaderMapper(Leadership leadership) {
            this.leadership = leadership;
        }

        @Override
        public Response toResponse(NotLeaderException e) {
            return notLeader(leadership.lastSeen());
        }
    }
}
