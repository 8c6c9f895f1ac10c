package io.openta.websecurity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of an HTTP refusal of both apps: JSON {@code {"status": ..., "message": ...}}. */
public final class ErrorBody {
    private ErrorBody() {
    }

    public static Response json(Response.Status status, String message) {
        return builder(status, message).build();
    }

    public static Response.ResponseBuilder builder(Response.Status status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
    }
}
