package com.homeworkapi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A response's JSON read with Jackson, for the assertions most tests repeat. REST Assured's own
 * paths ({@code body("status", ...)}, {@code path("id")}) compile a Groovy script each time they
 * are evaluated, which took longer than the request itself in the test suite's profile.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode of(Response response) {
        try {
            return MAPPER.readTree(response.asByteArray());
        } catch (IOException notJson) {
            throw new AssertionError("The body is not JSON: " + response.asString(), notJson);
        }
    }

    /** A string member that must be there, for example the id of what was created. */
    public static String text(JsonNode object, String member) {
        JsonNode value = object.path(member);
        if (!value.isTextual()) {
            throw new AssertionError(member + " should be a string in " + object);
        }
        return value.asText();
    }

    /** The text of each element of an array, for example the ids of a list's items. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.path(field).asText(null)));
        return texts;
    }
}
