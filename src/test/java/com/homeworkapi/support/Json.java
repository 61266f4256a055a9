package com.homeworkapi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * A response's JSON read with Jackson, for the assertions tests repeat. REST Assured's own paths
 * ({@code body("status", ...)}, {@code path("id")}) compile a Groovy script, and give it a
 * metaclass, each time they are evaluated, which took longer than the request itself in the test
 * suite's profile. {@link #at} and {@link #path} read the same paths without Groovy.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("(\\w+)?((?:\\[-?\\d+])*)(\\(\\))?");
    private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)]");

    private Json() {
    }

    public static JsonNode of(Response response) {
        return parse(response.asString());
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

    /**
     * A matcher of the whole body for {@code then().body(at("items.id", contains(...)))}: the
     * value at the path, as REST Assured's {@code body("items.id", contains(...))} reads it.
     */
    public static org.hamcrest.Matcher<Object> at(String path, org.hamcrest.Matcher<?> expected) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object body) {
                return expected.matches(valueAt(parse(String.valueOf(body)), path));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("JSON path ").appendValue(path).appendText(" ").appendDescriptionOf(expected);
            }

            @Override
            public void describeMismatch(Object body, Description description) {
                Object actual = valueAt(parse(String.valueOf(body)), path);
                description.appendText("at ").appendValue(path).appendText(" ");
                expected.describeMismatch(actual, description);
                description.appendText(" in ").appendText(String.valueOf(body));
            }
        };
    }

    /** The value at the path, as {@code response.path(path)} reads it. */
    @SuppressWarnings("unchecked")
    public static <T> T path(Response response, String path) {
        return (T) valueAt(of(response), path);
    }

    /** The value at the path, as {@code then().extract().path(path)} reads it. */
    @SuppressWarnings("unchecked")
    public static <T> T path(ExtractableResponse<?> response, String path) {
        return (T) valueAt(parse(response.asString()), path);
    }

    /**
     * The GPath subset the tests use: members and spreads over arrays ({@code items.id}),
     * indexes ({@code errors[0]}, {@code [-1]}) and {@code size()}, {@code unique()},
     * {@code flatten()}. Numbers come back as REST Assured returns them: Integer, Long or
     * BigInteger, and Float for fractions.
     */
    static Object valueAt(JsonNode root, String path) {
        Object value = plain(root);
        if (path.isEmpty() || path.equals("$")) {
            return value;
        }
        for (String step : path.split("\\.")) {
            Matcher parts = STEP.matcher(step);
            if (!parts.matches()) {
                throw new IllegalArgumentException("Unsupported JSON path step '" + step + "' in " + path);
            }
            String name = parts.group(1);
            if (parts.group(3) != null) {
                value = call(value, name, path);
                continue;
            }
            if (name != null) {
                value = member(value, name);
            }
            Matcher index = INDEX.matcher(parts.group(2));
            while (index.find()) {
                value = element(value, Integer.parseInt(index.group(1)));
            }
        }
        return value;
    }

    private static Object member(Object value, String name) {
        if (value instanceof Map<?, ?> object) {
            return object.get(name);
        }
        if (value instanceof List<?> array) {
            List<Object> spread = new ArrayList<>();
            array.forEach(element -> spread.add(member(element, name)));
            return spread;
        }
        return null;
    }

    private static Object element(Object value, int index) {
        if (!(value instanceof List<?> array)) {
            return null;
        }
        int position = index < 0 ? array.size() + index : index;
        return position >= 0 && position < array.size() ? array.get(position) : null;
    }

    private static Object call(Object value, String function, String path) {
        return switch (function) {
            case "size" -> value instanceof List<?> array ? array.size()
                    : value instanceof Map<?, ?> object ? object.size()
                    : value instanceof String text ? text.length() : null;
            case "unique" -> value instanceof List<?> array ? new ArrayList<>(new LinkedHashSet<>(array)) : value;
            case "flatten" -> value instanceof List<?> array ? flatten(array, new ArrayList<>()) : value;
            default -> throw new IllegalArgumentException("Unsupported JSON path function " + function + " in " + path);
        };
    }

    private static List<Object> flatten(List<?> array, List<Object> into) {
        for (Object element : array) {
            if (element instanceof List<?> inner) {
                flatten(inner, into);
            } else {
                into.add(element);
            }
        }
        return into;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> members = node.fields();
            members.forEachRemaining(member -> object.put(member.getKey(), plain(member.getValue())));
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(plain(element)));
            return array;
        }
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            return integer.bitLength() < 32 ? (Object) integer.intValue()
                    : integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        if (node.isNumber()) {
            double fraction = node.doubleValue();
            return Math.abs(fraction) <= Float.MAX_VALUE ? (Object) (float) fraction : (Object) fraction;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            throw new AssertionError("The body is not JSON: " + body, notJson);
        }
    }
}
