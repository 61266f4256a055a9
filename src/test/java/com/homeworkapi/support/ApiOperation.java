package com.homeworkapi.support;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    GET_ATTEMPT("getAttempt", Method.GET, "/v1/attempts/{attemptId}", Audience.CLIENT_TOO, 200, null),
    /** The assignment is named per item of the body; {@link #send} puts the target's there. */
    SYNC_ATTEMPTS("syncAttempts", Method.POST, "/v1/sync/attempts", Audience.CLIENT_TOO, 200,
            () -> syncBody(UUID.randomUUID())),

    RECORD_MEASUREMENT("recordMeasurement", Method.POST, "/v1/clients/{clientId}/measurements", Audience.STAFF, 201,
            () -> Map.of("instrument", "phq9", "score", 12, "measuredOn", "2026-01-12")),
    LIST_MEASUREMENTS("listMeasurements", Method.GET, "/v1/clients/{clientId}/measurements", Audience.CLIENT_TOO,
            200, null),

    CREATE_REVIEW("createReview", Method.POST, "/v1/clients/{clientId}/reviews", Audience.STAFF, 201,
            () -> Map.of("weekStart", "2026-01-12", "obstacles", List.of("no_time"),
                    "nextWeekChanges", "Practise on the way to work, not at night.")),
    LIST_REVIEWS("listReviews", Method.GET, "/v1/clients/{clientId}/reviews", Audience.CLIENT_TOO, 200, null),

    GET_CLIENT_COMPLIANCE("getClientCompliance", Method.GET, "/v1/clients/{clientId}/compliance",
            Audience.CLIENT_TOO, 200, null),
    GET_ASSIGNMENT_COMPLIANCE("getAssignmentCompliance", Method.GET, "/v1/assignments/{assignmentId}/compliance",
            Audience.CLIENT_TOO, 200, null),
    GET_CLIENT_PROGRESS("getClientProgress", Method.GET, "/v1/clients/{clientId}/progress", Audience.CLIENT_TOO,
            200, null),
    /** Answers an HTML page rather than JSON (see {@link #answersHtml()}). */
    GET_CLIENT_SUMMARY("getClientSummary", Method.GET, "/v1/clients/{clientId}/summary", Audience.CLIENT_TOO,
            200, null),

    LIST_OCCURRENCES("listOccurrences", Method.GET, "/v1/clients/{clientId}/occurrences", Audience.CLIENT_TOO, 200,
            null),

    GET_COMPLIANCE_REPORT("getComplianceReport", Method.GET, "/v1/reports/compliance", Audience.STAFF, 200, null),
    GET_AT_RISK_REPORT("getAtRiskReport", Method.GET, "/v1/reports/at-risk", Audience.STAFF, 200, null),

    GET_CLINIC_SETTINGS("getClinicSettings", Method.GET, "/v1/clinic/settings", Audience.STAFF, 200, null),
    UPDATE_CLINIC_SETTINGS("updateClinicSettings", Method.PUT, "/v1/clinic/settings", Audience.ADMIN_ONLY, 200,
            ApiOperation::clinicSettings),

    /** Names its client in the query, {@code ?clientId=}, rather than in the path. */
    LIST_CHANGES("listChanges", Method.GET, "/v1/sync/changes", Audience.CLIENT_TOO, 200, null),

    LIST_AUDIT_EVENTS("listAuditEvents", Method.GET, "/v1/audit-events", Audience.ADMIN_ONLY, 200, null),
    VERIFY_AUDIT_EVENTS("verifyAuditEvents", Method.GET, "/v1/audit-events/verification", Audience.ADMIN_ONLY,
            200, null),

    CREATE_WEBHOOK("createWebhook", Method.POST, "/v1/webhooks", Audience.WEBHOOK_MANAGERS, 201,
            () -> Map.of("url", SeededClient.WEBHOOK_URL, "eventTypes", List.of("goal.created"))),
    LIST_WEBHOOKS("listWebhooks", Method.GET, "/v1/webhooks", Audience.WEBHOOK_MANAGERS, 200, null),
    GET_WEBHOOK("getWebhook", Method.GET, "/v1/webhooks/{webhookId}", Audience.WEBHOOK_MANAGERS, 200, null),
    UPDATE_WEBHOOK("updateWebhook", Method.PUT, "/v1/webhooks/{webhookId}", Audience.WEBHOOK_MANAGERS, 200,
            () -> Map.of("url", SeededClient.WEBHOOK_URL, "eventTypes", List.of("attempt.created", "goal.updated"),
                    "description", "EHR alerts")),
    /** Takes no body. */
    ROTATE_WEBHOOK_SECRET("rotateWebhookSecret", Method.POST, "/v1/webhooks/{webhookId}/secret-rotations",
            Audience.WEBHOOK_MANAGERS, 200, null),
    LIST_WEBHOOK_MESSAGES("listWebhookMessages", Method.GET, "/v1/webhooks/{webhookId}/messages",
            Audience.WEBHOOK_MANAGERS, 200, null),
    RESEND_WEBHOOK_MESSAGES("resendWebhookMessages", Method.POST, "/v1/webhooks/{webhookId}/resends",
            Audience.WEBHOOK_MANAGERS, 200, () -> Map.of("since", "2026-01-01T00:00:00Z")),
    LIST_WEBHOOK_ATTEMPTS("listWebhookAttempts", Method.GET, "/v1/webhook-messages/{messageId}/attempts",
            Audience.WEBHOOK_MANAGERS, 200, null),
    /** Last: the operations before it still find the seeded endpoint. */
    DELETE_WEBHOOK("deleteWebhook", Method.DELETE, "/v1/webhooks/{webhookId}", Audience.WEBHOOK_MANAGERS, 204,
            null);

    /** The roles of a clinic's staff; a client token is the fourth role. */
    public static final List<String> STAFF_ROLES = Audience.STAFF.roles;

    /** Which roles may call an operation; any other role is answered 403. */
    public enum Audience {
        /** Clinicians, integrations and admins. */
        STAFF(List.of("clinician", "integration", "admin")),
        /** Staff, and a client token too, for its own data only. */
        CLIENT_TOO(List.of("clinician", "integration", "admin", "client")),
        /** Only the clinic's admins: other staff and clients are answered 403. */
        ADMIN_ONLY(List.of("admin")),
        /** The clinic's systems and admins, who manage its webhook endpoints; clinicians and clients get 403. */
        WEBHOOK_MANAGERS(List.of("integration", "admin"));

        private final List<String> roles;

        Audience(List<String> roles) {
            this.roles = roles;
        }

        public boolean allows(String role) {
            return roles.contains(role);
        }

        /** The staff role tests call with unless they vary the role: the first one allowed. */
        public String staffRole() {
            return roles.stream().filter(STAFF_ROLES::contains).findFirst().orElseThrow();
        }
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

    public boolean allows(String role) {
        return audience.allows(role);
    }

    /** Names its object (an assignment) in the body rather than the path: a batch of attempts. */
    public boolean namesObjectInBody() {
        return this == SYNC_ATTEMPTS;
    }

    /** Works on the caller's clinic as a whole (its clients, reports, settings), not on one object of it. */
    public boolean clinicLevel() {
        return targetParameter() == null && !namesObjectInBody();
    }

    /**
     * The parameter that names the object worked on: the path parameter, or for the change feed
     * the {@code clientId} query parameter; null for clinic-level operations.
     */
    public String targetParameter() {
        String inPath = pathParameter();
        return inPath == null && this == LIST_CHANGES ? "clientId" : inPath;
    }

    /** The largest {@code limit} a list takes: the change feed reads bigger pages than the other lists. */
    public int maxLimit() {
        return this == LIST_CHANGES ? 500 : 200;
    }

    /** Items a list answers for a seeded client; the change feed's snapshot holds goal, assignment and attempt. */
    public int itemsOfOneSeededClient() {
        return this == LIST_CHANGES ? 3 : 1;
    }

    /** Answers a page (text/html) on success; its errors are problem+json like every other operation's. */
    public boolean answersHtml() {
        return this == GET_CLIENT_SUMMARY;
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

    /**
     * A paged list: takes {@code limit} and {@code cursor}, answers {@code items}. Occurrences
     * are answered whole instead, bounded by their range of at most 35 days.
     */
    public boolean isList() {
        return operationId.startsWith("list") && this != LIST_OCCURRENCES;
    }

    /** The one path parameter ({@code clientId}, {@code goalId}, ...), or null for a clinic-level operation. */
    public String pathParameter() {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Calls the operation validly on the target's objects, so only the caller can make it fail. */
    public Response send(RequestSpecification request, SeededClient target) {
        if (namesObjectInBody()) {
            return send(request, target, target.assignmentId.toString());
        }
        String parameter = targetParameter();
        return send(request, target, parameter == null ? null : target.id(parameter).toString());
    }

    /** As {@link #send(RequestSpecification, SeededClient)}, with this value in the path (or the body's object). */
    public Response send(RequestSpecification request, SeededClient target, String pathValue) {
        if (namesObjectInBody()) {
            return sendWithBody(request, target, null, syncBody(pathValue));
        }
        return sendWithBody(request, target, pathValue, hasBody() ? validBody() : null);
    }

    /** Calls the operation on the target with this body: JSON of an object, a raw string, bytes or a stream. */
    public Response sendWithBody(RequestSpecification request, SeededClient target, Object body) {
        String parameter = targetParameter();
        return sendWithBody(request, target, parameter == null ? null : target.id(parameter).toString(), body);
    }

    /** Calls an update validly but with this If-Match, or none when it is null. */
    public Response sendWithIfMatch(RequestSpecification request, SeededClient target, String ifMatch) {
        String parameter = targetParameter();
        return send(request, parameter == null ? null : target.id(parameter).toString(), ifMatch, validBody());
    }

    private Response sendWithBody(RequestSpecification request, SeededClient target, String pathValue,
            Object body) {
        // The current ETag, so that a refusal can only come from what the test varies.
        return send(request, pathValue, isUpdate() ? target.currentETag(this) : null, body);
    }

    private Response send(RequestSpecification request, String pathValue, String ifMatch, Object body) {
        if (pathParameter() != null) {
            request.pathParam(pathParameter(), pathValue);
        } else if (targetParameter() != null) {
            request.queryParam(targetParameter(), pathValue);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body instanceof String text) {
            request.body(text);
        } else if (body instanceof byte[] bytes) {
            request.body(bytes);
        } else if (body instanceof InputStream stream) {
            request.body(stream);
        } else if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    /**
     * Settings an admin may save: stricter than the defaults, with one instrument of the
     * clinic's own. Nested parts are maps and lists of their own, for tests to vary one field.
     */
    public static Map<String, Object> clinicSettings() {
        return Map.of(
                "compliance", Map.of("met", 0.9, "adequate", 0.6),
                "weeks", Map.of("engagement", 3, "atRisk", 2, "relapse", 5, "recovering", 3),
                "symptomRelapse", Map.of("measurements", 3, "spanDays", 35),
                "instruments", List.of(Map.of("code", "pcl5", "name", "PTSD Checklist for DSM-5", "min", 0,
                        "max", 80, "threshold", 33, "lowerIsBetter", true, "reliableChangePoints", 10)));
    }

    /** A batch of one fresh attempt at this assignment, as an app syncs it. */
    public static Map<String, Object> syncBody(Object assignmentId) {
        return Map.of("attempts", List.of(Map.of("id", UUID.randomUUID().toString(),
                "assignmentId", assignmentId.toString(), "occurredAt", "2026-01-08T07:15:00+01:00",
                "outcome", "partial", "completion", 0.5)));
    }

    @Override
    public String toString() {
        return operationId;
    }
}
