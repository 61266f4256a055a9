package com.homeworkapi.support;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the API with what a test needs to call it validly: the tests that
 * cover all operations iterate over this list, and a test compares it with openapi.yaml.
 */
public enum ApiOperation {
    CREATE_CLIENT("createClient", Method.POST, "/v1/clients", Audience.STAFF, 201,
            () -> Map.of("timeZone", "Europe/Berlin")),
    LIST_CLIENTS("listClients", Method.GET, "/v1/clients", Audience.STAFF, 200, null),
    GET_CLIENT("getClient", Method.GET, "/v1/clients/{clientId}", Audience.CLIENT_TOO, 200, null),
    UPDATE_CLIENT("updateClient", Method.PUT, "/v1/clients/{clientId}", Audience.STAFF, 200,
            () -> Map.of("timeZone", "Europe/Paris", "displayName", "R.", "status", "discharged")),

    CREATE_GOAL("createGoal", Method.POST, "/v1/clients/{clientId}/goals", Audience.STAFF, 201,
            () -> Map.of("title", "Take the lift to the fifth floor")),
    LIST_GOALS("listGoals", Method.GET, "/v1/clients/{clientId}/goals", Audience.CLIENT_TOO, 200, null),
    GET_GOAL("getGoal", Method.GET, "/v1/goals/{goalId}", Audience.CLIENT_TOO, 200, null),
    UPDATE_GOAL("updateGoal", Method.PUT, "/v1/goals/{goalId}", Audience.STAFF, 200,
            () -> Map.of("title", "Ride the bus alone", "status", "on_hold")),

    CREATE_ASSIGNMENT("createAssignment", Method.POST, "/v1/clients/{clientId}/assignments", Audience.STAFF, 201,
            () -> Map.of("title", "Eat at a crowded cafe", "kind", "exposure",
                    "schedule", Map.of("type", "days_of_week", "daysOfWeek", List.of("MON", "THU"),
                            "startDate", "2026-01-05"))),
    LIST_ASSIGNMENTS("listAssignments", Method.GET, "/v1/clients/{clientId}/assignments", Audience.CLIENT_TOO, 200,
            null),
    GET_ASSIGNMENT("getAssignment", Method.GET, "/v1/assignments/{assignmentId}", Audience.CLIENT_TOO, 200, null),
    UPDATE_ASSIGNMENT("updateAssignment", Method.PUT, "/v1/assignments/{assignmentId}", Audience.STAFF, 200,
            () -> Map.of("title", "Touch the door handle twice", "kind", "exposure", "status", "paused",
                    "schedule", Map.of("type", "times_per_week", "timesPerWeek", 4, "startDate", "2026-01-05"))),
    LIST_REVISIONS("listRevisions", Method.GET, "/v1/assignments/{assignmentId}/revisions", Audience.CLIENT_TOO,
            200, null),

    LOG_ATTEMPT("logAttempt", Method.POST, "/v1/assignments/{assignmentId}/attempts", Audience.CLIENT_TOO, 201,
            () -> Map.of("occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "partial", "completion", 0.5)),
    LIST_ATTEMPTS("listAttempts", Method.GET, "/v1/assignments/{assignmentId}/attempts", Audience.CLIENT_TOO, 200,
            null),
    LIST_CLIENT_ATTEMPTS("listClientAttempts", Method.GET, "/v1/clients/{clientId}/attempts", Audience.CLIENT_TOO,
            200, null),
    GET_ATTEMPT("getAttempt", Method.GET, "/v1/attempts/{attemptId}", Audience.CLIENT_TOO, 200, null);

    /** Who may call an operation besides clinicians, integrations and admins. */
    public enum Audience {
        STAFF,
        /** A client token may call it too, for its own data only. */
        CLIENT_TOO
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    public final String operationId;
    public final Method method;
    public final String path;
    public final Audience audience;
    public final int successStatus;
    private final Supplier<Map<String, Object>> validBody;

    ApiOperation(String operationId, Method method, String path, Audience audience, int successStatus,
            Supplier<Map<String, Object>> validBody) {
        this.operationId = operationId;
        this.method = method;
        this.path = path;
        this.audience = audience;
        this.successStatus = successStatus;
        this.validBody = validBody;
    }

    public boolean clientVisible() {
        return audience == Audience.CLIENT_TOO;
    }

    public boolean hasBody() {
        return validBody != null;
    }

    /** A body this operation accepts; empty for operations without one. */
    public Map<String, Object> validBody() {
        return hasBody() ? validBody.get() : Map.of();
    }

    public boolean isUpdate() {
        return method == Method.PUT;
    }

    public boolean isList() {
        return operationId.startsWith("list");
    }

    /** The one path parameter ({@code clientId}, {@code goalId}, ...), or null for /v1/clients. */
    public String pathParameter() {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Calls the operation validly on the target's objects, so only the caller can make it fail. */
    public Response send(RequestSpecification request, SeededClient target) {
        String parameter = pathParameter();
        return send(request, target, parameter == null ? null : target.id(parameter).toString());
    }

    /** As {@link #send(RequestSpecification, SeededClient)}, with this value in the path. */
    public Response send(RequestSpecification request, SeededClient target, String pathValue) {
        return sendWithBody(request, target, pathValue, hasBody() ? validBody() : null);
    }

    /** Calls the operation on the target with this body: JSON of an object, a raw string or a stream. */
    public Response sendWithBody(RequestSpecification request, SeededClient target, Object body) {
        String parameter = pathParameter();
        return sendWithBody(request, target, parameter == null ? null : target.id(parameter).toString(), body);
    }

    private Response sendWithBody(RequestSpecification request, SeededClient target, String pathValue,
            Object body) {
        String parameter = pathParameter();
        if (parameter != null) {
            request.pathParam(parameter, pathValue);
        }
        if (isUpdate()) {
            // The current ETag, so that a refusal can only come from what the test varies.
            request.header("If-Match", target.currentETag(this));
        }
        if (body instanceof String text) {
            request.body(text);
        } else if (body instanceof InputStream stream) {
            request.body(stream);
        } else if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    @Override
    public String toString() {
        return operationId;
    }
}
