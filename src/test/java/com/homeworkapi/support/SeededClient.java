package com.homeworkapi.support;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client of a test clinic with one goal, one assignment and one logged attempt, and a
 * snapshot of all of it as the clinic's clinician sees it, to show that a refused request
 * changed nothing.
 */
public final class SeededClient {

    public final TestClinic clinic;
    public final UUID clientId;
    public final UUID goalId;
    public final UUID assignmentId;
    public final UUID attemptId;

    private SeededClient(TestClinic clinic) {
        this.clinic = clinic;
        this.clientId = clinic.createClient();
        this.goalId = clinic.createGoal(clientId);
        this.assignmentId = clinic.createAssignment(clientId);
        this.attemptId = clinic.logAttempt(assignmentId);
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

    /** The ETag of the object an update operation replaces, as its owner reads it now. */
    public String currentETag(ApiOperation update) {
        String parameter = update.pathParameter();
        return clinic.clinician().pathParam(parameter, id(parameter)).get(update.path)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Everything seeded, and the size of every list it appears in, read by the owner's clinician. */
    public State state() {
        Response client = read("/v1/clients/{id}", clientId);
        Response goal = read("/v1/goals/{id}", goalId);
        Response assignment = read("/v1/assignments/{id}", assignmentId);
        Response attempt = read("/v1/attempts/{id}", attemptId);
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
                count("/v1/clients/{id}/attempts", clientId));
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
            int clientAttempts) {
    }
}
