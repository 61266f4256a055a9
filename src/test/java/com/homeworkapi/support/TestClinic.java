package com.homeworkapi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of its own for one test: a fresh tenant id, tokens for its roles and shortcuts
 * that create its data through the API, so tests never share rows or depend on order.
 */
public final class TestClinic {

    public final UUID id = UUID.randomUUID();

    public RequestSpecification clinician() {
        return as(Tokens.staff(id, "clinician"));
    }

    public RequestSpecification integration() {
        return as(Tokens.staff(id, "integration"));
    }

    public RequestSpecification admin() {
        return as(Tokens.staff(id, "admin"));
    }

    public RequestSpecification client(UUID clientId) {
        return as(Tokens.client(id, clientId));
    }

    public RequestSpecification staff(String role) {
        return as(Tokens.staff(id, role));
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

    private RequestSpecification sendingBadInput(String role) {
        return given().auth().oauth2(Tokens.staff(id, role)).contentType(ContentType.JSON)
                .filter(Contract.RESPONSES_ONLY);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(Contract.STRICT);
    }

    public UUID createClient() {
        return createClient(Map.of("timeZone", "Europe/Berlin"));
    }

    public UUID createClient(Map<String, Object> body) {
        return UUID.fromString(clinician().body(body).post("/v1/clients")
                .then().statusCode(201).extract().path("id"));
    }

    public UUID createGoal(UUID clientId) {
        return UUID.fromString(clinician().body(Map.of("title", "Ride the bus to work"))
                .post("/v1/clients/{clientId}/goals", clientId)
                .then().statusCode(201).extract().path("id"));
    }

    public UUID createAssignment(UUID clientId) {
        Map<String, Object> body = Map.of(
                "title", "Touch the door handle without washing",
                "kind", "exposure",
                "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-05"));
        return UUID.fromString(clinician().body(body).post("/v1/clients/{clientId}/assignments", clientId)
                .then().statusCode(201).extract().path("id"));
    }

    public UUID recordMeasurement(UUID clientId) {
        Map<String, Object> body = Map.of("instrument", "gad7", "score", 9, "measuredOn", "2026-01-05");
        return UUID.fromString(clinician().body(body).post("/v1/clients/{clientId}/measurements", clientId)
                .then().statusCode(201).extract().path("id"));
    }

    public UUID createReview(UUID clientId, UUID assignmentId) {
        Map<String, Object> body = Map.of("weekStart", "2026-01-05",
                "assignments", List.of(Map.of("assignmentId", assignmentId.toString(), "quality", 3)));
        return UUID.fromString(clinician().body(body).post("/v1/clients/{clientId}/reviews", clientId)
                .then().statusCode(201).extract().path("id"));
    }

    public UUID logAttempt(UUID assignmentId) {
        Map<String, Object> body = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed");
        return UUID.fromString(clinician().body(body).post("/v1/assignments/{assignmentId}/attempts", assignmentId)
                .then().statusCode(201).extract().path("id"));
    }
}
