package io.openta.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the scheduler's REST API of a running serve process (or of a cluster this launcher started), sending the
 * bearer token it was given.
 */
final class ApiClient {
    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call that did not succeed: {@code message} is one line for the operator. */
    static final class ApiException extends Exception {
        ApiException(String message) {
            super(message);
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code token}: a bearer token, or null to call without one (the API then answers 401). */
    ApiClient(String baseUrl, String token) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    JsonNode get(String path) throws ApiException {
        return call(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path, Map<String, String> body) throws ApiException {
        try {
            return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(HttpRequest.Builder request) throws ApiException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException("no OpenTA serve process at " + base + " (start one with ./openta serve)");
        } catch (IOException e) {
            throw new ApiException("cannot reach " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = JSON.createObjectNode().put("message", response.body());
        }
        if (response.statusCode() == 401 && token == null) {
            throw new ApiException("the API at " + base + " needs a token: give --token or set OPENTA_TOKEN (locally, "
                    + "./openta token --user NAME --role ROLE makes one)");
        }
        if (response.statusCode() >= 300) {
            String message = body.path("message").asText("HTTP " + response.statusCode());
            throw new ApiException(message);
        }
        return body;
    }
}
