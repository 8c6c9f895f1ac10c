package io.openta.access.console.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.openta.access.console.config.ConsoleConfig;
import io.openta.websecurity.ErrorBody;
import io.smallrye.mutiny.Uni;

/**
 * The scheduler's operators' API ({@code /api/days/**}) through the access app, so that the console's page calls one
 * origin: each request goes to {@code openta.access.scheduler-url} with the caller's own {@code Authorization}
 * header, and the scheduler's answer (status, JSON body) comes back unchanged. The scheduler checks the token and the
 * role and records the token's principal in its audit; nothing here decides or keeps a token ({@code @PermitAll}
 * because the decision is the scheduler's, whose 401/403 reason the caller then sees).
 */
@Path("/api/days")
@PermitAll
public class SchedulerProxy {
    private static final Logger LOG = Logger.getLogger(SchedulerProxy.class);
    private static final String PREFIX = "/api/days";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConsoleConfig config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public SchedulerProxy(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    public Uni<Response> list(UriInfo uri, HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @GET
    @Path("/{rest: .+}")
    public Uni<Response> get(UriInfo uri, HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @POST
    @Path("/{rest: .+}")
    public Uni<Response> post(UriInfo uri, HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    private Uni<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        if (config.schedulerUrl().isEmpty()) {
            return Uni.createFrom().item(ErrorBody.json(Response.Status.SERVICE_UNAVAILABLE,
                    "the console has no scheduler to send actions to: set openta.access.scheduler-url "
                            + "(OPENTA_ACCESS_SCHEDULER_URL)"));
        }
        String path = uri.getRequestUri().getRawPath();
        // only /api/days/...: a dot segment could otherwise reach another scheduler endpoint
        if (!URI.create(path).normalize().getPath().startsWith(PREFIX) || path.contains("/..")
                || path.toLowerCase().contains("%2e")) {
            return Uni.createFrom().item(ErrorBody.json(Response.Status.BAD_REQUEST, "not a day path: " + path));
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = config.schedulerUrl().get().resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth != null) {
            request.header(HttpHeaders.AUTHORIZATION, auth);
        }
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray()))
                .map(SchedulerProxy::relay)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("console: the scheduler at %s did not answer %s %s: %s", config.schedulerUrl().get(),
                            method, path, e.toString());
                    return ErrorBody.json(Response.Status.BAD_GATEWAY, "the scheduler at "
                            + config.schedulerUrl().get() + " did not answer: " + e.getMessage());
                });
    }

    private static Response relay(HttpResponse<byte[]> answer) {
        Response.ResponseBuilder r = Response.status(answer.statusCode()).entity(answer.body());
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(t -> r.header(HttpHeaders.CONTENT_TYPE, t));
        answer.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)
                .ifPresent(w -> r.header(HttpHeaders.WWW_AUTHENTICATE, w));
        return r.build();
    }
}
