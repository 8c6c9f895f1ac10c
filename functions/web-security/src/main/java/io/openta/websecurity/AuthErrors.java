package io.openta.websecurity;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * 401 and 403 as an {@link ErrorBody} instead of an empty body, the same in the scheduler's API and the access app's
 * console, so the console shows one kind of reason whichever of the two refused. These mappers are reached because
 * authentication is not proactive ({@code quarkus.http.auth.proactive=false}): a token is checked when an endpoint
 * asks for a role, inside the REST layer, so a refused token surfaces here as an exception.
 */
public class AuthErrors {
    private final SecurityIdentity identity;

    public AuthErrors(SecurityIdentity identity) {
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
        return ErrorBody.json(Response.Status.FORBIDDEN, who + " (roles " + identity.getRoles() + ") may not call "
                + uri.getPath() + ": it needs a role that allows it (viewer < operator < admin)");
    }

    private static Response unauthorized(String message) {
        return ErrorBody.builder(Response.Status.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The innermost message (expired, bad signature, wrong issuer), without the library's wrapping. */
    static String reason(Throwable e) {
        String reason = "invalid or expired";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // jose4j appends "Additional details: [...]" quoting the whole token back: not for a response body or a log
        int details = reason.indexOf(" Additional details");
        reason = details > 0 ? reason.substring(0, details) : reason;
        return reason.lines().findFirst().orElse(reason);
    }
}
