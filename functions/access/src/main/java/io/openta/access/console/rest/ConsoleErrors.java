package io.openta.access.console.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The console API's refusals as JSON {@code {"status": ..., "message": ...}}, the shape of the scheduler's, so the
 * page shows one kind of reason whichever of the two refused. Reached because authentication is not proactive
 * ({@code quarkus.http.auth.proactive=false}).
 */
public class ConsoleErrors {
    private final SecurityIdentity identity;

    public ConsoleErrors(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e) {
        return unauthorized("no bearer token: send Authorization: Bearer TOKEN (./openta token makes one locally)");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("the bearer token was refused: " + reason(e));
    }

    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e, UriInfo uri) {
        String who = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return json(Response.Status.FORBIDDEN, who + " (roles " + identity.getRoles() + ") may not call "
                + uri.getPath() + ": it needs the role viewer, operator or admin");
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return json(Response.Status.BAD_REQUEST, e.getMessage());
    }

    static Response json(Response.Status status, String message) {
        return builder(status, message).build();
    }

    private static Response unauthorized(String message) {
        return builder(Response.Status.UNAUTHORIZED, message).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response.ResponseBuilder builder(Response.Status status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
    }

    /** The innermost message (expired, bad signature, wrong issuer) without jose4j's echo of the token. */
    private static String reason(Throwable e) {
        String reason = "invalid or expired";
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        int details = reason.indexOf(" Additional details");
        reason = details > 0 ? reason.substring(0, details) : reason;
        return reason.lines().findFirst().orElse(reason);
    }
}
