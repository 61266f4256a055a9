package com.homeworkapi.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.List;
import org.hamcrest.Matcher;

/** Assertions on RFC 9457 problem+json answers, the one error format of the API. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static void assertProblem(Response response, int status) {
        assertProblem(response, equalTo(status));
    }

    /** The status matches, the body is problem+json and has type, title, status and detail. */
    public static void assertProblem(Response response, Matcher<Integer> status) {
        response.then().statusCode(status).contentType(startsWith(MEDIA_TYPE));
        JsonNode problem = Json.of(response);
        assertAll(
                () -> assertHasText(problem, "type"),
                () -> assertHasText(problem, "title"),
                () -> assertTrue(problem.path("status").isInt(), "status should be a number: " + problem),
                () -> assertEquals(response.statusCode(), problem.path("status").asInt(), "status: " + problem),
                () -> assertHasText(problem, "detail"));
    }

    private static void assertHasText(JsonNode problem, String member) {
        assertTrue(problem.path(member).isTextual() && !problem.path(member).asText().isEmpty(),
                member + " should be a non-empty string: " + problem);
    }

    /** A 400 whose {@code errors[].field} names the field (or query parameter) at fault. */
    public static void assertInvalidField(Response response, String field) {
        assertProblem(response, 400);
        List<String> fields = Json.texts(Json.of(response).path("errors"), "field");
        assertTrue(fields.contains(field), "errors[].field should name " + field + " but named " + fields);
    }

    /**
     * A 404 that says exactly what a request for an id that exists nowhere is told. A batch
     * answers 200 and tells it in the result of its one item, rejected with that 404.
     */
    public static void assertAnsweredAsAbsent(ApiOperation operation, Response refused, Response absent) {
        if (operation.namesObjectInBody()) {
            assertEquals(itemProblem(absent, 404), itemProblem(refused, 404));
            return;
        }
        assertProblem(absent, 404);
        assertProblem(refused, 404);
        assertEquals(Json.of(absent), Json.of(refused));
    }

    private static JsonNode itemProblem(Response batch, int status) {
        batch.then().statusCode(200);
        JsonNode results = Json.of(batch).path("results");
        assertEquals(1, results.size(), "results: " + results);
        assertEquals("rejected", results.path(0).path("status").asText(), "results[0].status: " + results);
        assertEquals(status, results.path(0).path("problem").path("status").asInt(), "problem.status: " + results);
        return results.path(0).path("problem");
    }

    /** A 401 problem that challenges for a Bearer token. */
    public static void assertUnauthorized(ApiOperation operation, Response response) {
        assertEquals(401, response.statusCode(), operation + ": status");
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"),
                operation + ": WWW-Authenticate should challenge Bearer but was " + challenge);
        assertProblem(response, 401);
    }
}
