package io.openta.access.console.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.openta.websecurity.ErrorBody;

/**
 * The console API's bad requests in the scheduler's error shape ({@link ErrorBody}); its 401 and 403 are the shared
 * {@link io.openta.websecurity.AuthErrors}'.
 */
public class ConsoleErrors {
    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return ErrorBody.json(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
