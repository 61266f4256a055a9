package com.homeworkapi.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client of a test clinic with one goal, one assignment, one logged attempt, one measurement
 * and one review, and a snapshot of all of it and of the clinic's settings as the clinic's
 * clinician sees them, to show that a refused request changed nothing.
 */
public final class SeededClient {

    public final TestClinic clinic;
    public final UUID clientId;
    public final UUID goalId;
    public final UUID assignmentId;
    public final UUID attemptId;
    public final UUID measurementId;
    public final UUID reviewId;

    private SeededClient(TestClinic clinic) {
        this.clinic = clinic;
        this.clientId = clinic.createClient();
        this.goalId = clinic.createGoal(clientId);
        this.assignmentId = clinic.createAssignment(clientId);
        this.attemptId = clinic.logAttempt(assignmentId);
        this.measurementId = clinic.recordMeasurement(clientId);
        this.reviewId = clinic.createReview(clientId, assignmentId);
    }

    public static SeededClient in(TestClinic clinic) {
        return new SeededClient(clinic);
    }

    /** The id a path parameter of this name stands for. */
    public UUID id(String pathParameter) {
        return switch (pathParameter) {
            case "clientId" -> clientId;
            case "goalId" -> goalId;
            case "assignmentId" -> assignmentId;
            case "attemptId" -> attemptId;
            default -> throw new IllegalArgumentException("No seeded object for {" + pathParameter + "}");
        };
    }

    /** The ETag of the object (or the clinic's settings) an update replaces, as its owner reads it now. */
    public String currentETag(ApiOperation update) {
        String parameter = update.pathParameter();
        RequestSpecification owner = clinic.clinician();
        if (parameter != null) {
            owner.pathParam(parameter, id(parameter));
        }
        return owner.get(update.path).then().statusCode(200).extract().header("ETag");
    }

    /** Everything seeded, and the size of every list it appears in, read by the owner's clinician. */
    public State state() {
        Response client = read("/v1/clients/{id}", clientId);
        Response goal = read("/v1/goals/{id}", goalId);
        Response assignment = read("/v1/assignments/{id}", assignmentId);
        Response attempt = read("/v1/attempts/{id}", attemptId);
        Response settings = clinic.clinician().get("/v1/clinic/settings");
        settings.then().statusCode(200);
        return new State(
                client.jsonPath().getMap("$"), client.header("ETag"),
                goal.jsonPath().getMap("$"), goal.header("ETag"),
                assignment.jsonPath().getMap("$"), assignment.header("ETag"),
                attempt.jsonPath().getMap("$"),
                count("/v1/clients", null),
                count("/v1/clients/{id}/goals", clientId),
                count("/v1/clients/{id}/assignments", clientId),
                count("/v1/assignments/{id}/revisions", assignmentId),
                count("/v1/assignments/{id}/attempts", assignmentId),
                count("/v1/clients/{id}/attempts", clientId),
                count("/v1/clients/{id}/measurements", clientId),
                count("/v1/clients/{id}/reviews", clientId),
                settings.jsonPath().getMap("$"), settings.header("ETag"));
    }

    private Response read(String path, UUID id) {
        Response response = clinic.clinician().get(path, id);
        response.then().statusCode(200);
        return response;
    }

    private int count(String path, UUID id) {
        var request = clinic.clinician().queryParam("limit", 200);
        Response response = id == null ? request.get(path) : request.get(path, id);
        List<Object> items = response.then().statusCode(200).extract().jsonPath().getList("items");
        return items.size();
    }

    public record State(
            Map<String, Object> client, String clientETag,
            Map<String, Object> goal, String goalETag,
            Map<String, Object> assignment, String assignmentETag,
            Map<String, Object> attempt,
            int clientsInClinic, int goals, int assignments, int revisions, int assignmentAttempts,
            int clientAttempts, int measurements, int reviews,
            Map<String, Object> clinicSettings, String clinicSettingsETag) {
    }
}
