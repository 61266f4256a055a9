package com.homeworkapi.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
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
        response.then()
                .statusCode(status)
                .contentType(startsWith(MEDIA_TYPE))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(response.statusCode()))
                .body("detail", not(emptyOrNullString()));
    }

    /** A 400 whose {@code errors[].field} names the field (or query parameter) at fault. */
    public static void assertInvalidField(Response response, String field) {
        assertProblem(response, 400);
        response.then().body("errors.field", hasItem(field));
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
        assertEquals(absent.jsonPath().getMap("$"), refused.jsonPath().getMap("$"));
    }

    private static Map<String, Object> itemProblem(Response batch, int status) {
        batch.then().statusCode(200).body("results.size()", equalTo(1))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].problem.status", equalTo(status));
        return batch.jsonPath().getMap("results[0].problem");
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
