package com.homeworkapi.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A clinic of its own for one test: a fresh tenant id, tokens for its roles and shortcuts
 * that create its data through the API, so tests never share rows or depend on order.
 */
public final class TestClinic {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final UUID id = UUID.randomUUID();

    /**
     * One token per role and per client for the clinic's one test, signed once: an RSA
     * signature per request cost more than the service's answer. Tests that need another
     * subject sign one with {@link Tokens}.
     */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RequestSpecification clinician() {
        return staff("clinician");
    }

    public RequestSpecification integration() {
        return staff("integration");
    }

    public RequestSpecification admin() {
        return staff("admin");
    }

    public RequestSpecification client(UUID clientId) {
        return as(tokens.computeIfAbsent("client " + clientId, key -> Tokens.client(id, clientId)));
    }

    public RequestSpecification staff(String role) {
        return as(staffToken(role));
    }

    private String staffToken(String role) {
        return tokens.computeIfAbsent(role, key -> Tokens.staff(id, role));
    }

    /** A staff member whose role may call the operation (an admin where only admins may). */
    public RequestSpecification staffAllowedTo(ApiOperation operation) {
        return staff(operation.audience.staffRole());
    }

    /** Sends what the contract forbids on purpose; only the response is checked against it. */
    public RequestSpecification clinicianSendingBadInput() {
        return sendingBadInput("clinician");
    }

    /** As {@link #clinicianSendingBadInput()}, in a role that may call the operation. */
    public RequestSpecification sendingBadInputTo(ApiOperation operation) {
        return sendingBadInput(operation.audience.staffRole());
    }

    public RequestSpecification sendingBadInput(String role) {
        return given().auth().oauth2(staffToken(role)).contentType(ContentType.JSON)
                .filter(Contract.RESPONSES_ONLY);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(Contract.STRICT);
    }

    public UUID createClient() {
        return createClient(Map.of("timeZone", "Europe/Berlin"));
    }

    public UUID createClient(Map<String, Object> body) {
        return created(body, "/v1/clients");
    }

    public UUID createGoal(UUID clientId) {
        return created(Map.of("title", "Ride the bus to work"), "/v1/clients/%s/goals", clientId);
    }

    public UUID createAssignment(UUID clientId) {
        Map<String, Object> body = Map.of(
                "title", "Touch the door handle without washing",
                "kind", "exposure",
                "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-05"));
        return created(body, "/v1/clients/%s/assignments", clientId);
    }

    public UUID recordMeasurement(UUID clientId) {
        Map<String, Object> body = Map.of("instrument", "gad7", "score", 9, "measuredOn", "2026-01-05");
        return created(body, "/v1/clients/%s/measurements", clientId);
    }

    public UUID createReview(UUID clientId, UUID assignmentId) {
        Map<String, Object> body = Map.of("weekStart", "2026-01-05",
                "assignments", List.of(Map.of("assignmentId", assignmentId.toString(), "quality", 3)));
        return created(body, "/v1/clients/%s/reviews", clientId);
    }

    public UUID logAttempt(UUID assignmentId) {
        Map<String, Object> body = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed");
        return created(body, "/v1/assignments/%s/attempts", assignmentId);
    }

    /** An endpoint of the clinic, made as its admin (clinicians may not). */
    public UUID createWebhook(String url, List<String> eventTypes) {
        return created("admin", Map.of("url", url, "eventTypes", eventTypes), "/v1/webhooks");
    }

    /**
     * Creates what a test starts from as a clinician and returns its id. Fixtures go through the
     * plain JDK client: their contract is checked by the API tests of each resource, and REST
     * Assured with the contract validator costs several times the request itself.
     */
    private UUID created(Map<String, Object> body, String pathFormat, Object... ids) {
        return created("clinician", body, pathFormat, ids);
    }

    private UUID created(String role, Map<String, Object> body, String pathFormat, Object... ids) {
        URI uri = URI.create("http://localhost:" + RestAssured.port + String.format(pathFormat, ids));
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + staffToken(role))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 201) {
                throw new AssertionError("POST " + uri.getPath() + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
