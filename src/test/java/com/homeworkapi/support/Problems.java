package com.homeworkapi.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
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
}
