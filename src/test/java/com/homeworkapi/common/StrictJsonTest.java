package com.homeworkapi.common;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.assignment.AssignmentRequest;
import com.homeworkapi.attempt.AttemptRequest;
import com.homeworkapi.client.ClientRequest;
import com.homeworkapi.clinic.ClinicSettingsRequest;
import com.homeworkapi.goal.GoalRequest;
import com.homeworkapi.measurement.MeasurementRequest;
import com.homeworkapi.review.ReviewRequest;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.webhook.WebhookRequest;
import com.homeworkapi.webhook.WebhookResendRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every operation reads its body as strict JSON: one object, each property named once, nothing
 * after it, and text made of whole characters. Anything else is a 400 naming the field (or the
 * body) at fault, and stores nothing; a lenient reading would store what the caller did not
 * send, and a retry of the same bytes could then never succeed.
 */
@QuarkusTest
class StrictJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stands for the text under test while the rest of a body is written as JSON. */
    private static final String PLACEHOLDER = "text-under-test";

    private static final String GRINNING_FACE = "\uD83D\uDE00";

    /** The record each operation reads its body into: every String in it, however deep, is a text field. */
    private static final Map<ApiOperation, Class<? extends Record>> BODY_TYPES = Map.ofEntries(
            Map.entry(ApiOperation.CREATE_CLIENT, ClientRequest.class),
            Map.entry(ApiOperation.UPDATE_CLIENT, ClientRequest.class),
            Map.entry(ApiOperation.CREATE_GOAL, GoalRequest.class),
            Map.entry(ApiOperation.UPDATE_GOAL, GoalRequest.class),
            Map.entry(ApiOperation.CREATE_ASSIGNMENT, AssignmentRequest.class),
            Map.entry(ApiOperation.UPDATE_ASSIGNMENT, AssignmentRequest.class),
            Map.entry(ApiOperation.LOG_ATTEMPT, AttemptRequest.class),
            // Each item of a batch is read as the single POST's body.
            Map.entry(ApiOperation.SYNC_ATTEMPTS, AttemptRequest.class),
            Map.entry(ApiOperation.RECORD_MEASUREMENT, MeasurementRequest.class),
            Map.entry(ApiOperation.CREATE_REVIEW, ReviewRequest.class),
            Map.entry(ApiOperation.UPDATE_CLINIC_SETTINGS, ClinicSettingsRequest.class),
            Map.entry(ApiOperation.CREATE_WEBHOOK, WebhookRequest.class),
            Map.entry(ApiOperation.UPDATE_WEBHOOK, WebhookRequest.class),
            Map.entry(ApiOperation.RESEND_WEBHOOK_MESSAGES, WebhookResendRequest.class));

    /** Text fields that take a name or code from a fixed list (a time zone, an instrument), not free text. */
    private static final Set<String> CODED_FIELDS = Set.of("timeZone", "instrument", "instruments[0].code", "url");

    /** Half a character, as the content of a JSON string, in the two ways it arrives. */
    private static final List<Text> HALF_A_CHARACTER = List.of(
            new Text("an escaped high surrogate", ascii("x\\ud800y")),
            new Text("the bytes of a surrogate, which UTF-8 forbids", bytes('x', 0xED, 0xA0, 0x80, 'y')));

    /** More ways to cut a character in half, each sent to one field. */
    private static final List<Text> MORE_HALVES = List.of(
            new Text("an escaped low surrogate", ascii("x\\udc00y")),
            new Text("an escaped pair in the wrong order", ascii("\\ude00\\ud83d")),
            new Text("an emoji cut off after its high surrogate", ascii("Felt calm \\ud83d")),
            new Text("the UTF-8 bytes of an emoji cut off", bytes('x', 0xF0, 0x9F, 0x98, 'y')));

    /** The content of a JSON string as bytes on the wire, between its quotes. */
    record Text(String description, byte[] json) {

        /** Written in ASCII with JSON's escapes, so the document itself is well-formed UTF-8. */
        boolean escaped() {
            for (byte unit : json) {
                if (unit < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A text field of a body: property names and list indexes, as errors[].field names it. */
    record TextField(List<Object> steps) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.length() == 0 ? "" : ".").append(step);
                }
            }
            return name.toString();
        }
    }

    @Test
    void shouldKnowTheBodyOfEveryOperationThatTakesOne() {
        Set<ApiOperation> withBody = Arrays.stream(ApiOperation.values()).filter(ApiOperation::hasBody)
                .collect(Collectors.toSet());

        assertEquals(withBody, BODY_TYPES.keySet());
        assertEquals(List.of("externalIds[0].system", "externalIds[0].value", "displayName", "timeZone",
                "primaryClinicianId"), names(textFields(ApiOperation.CREATE_CLIENT)));
        assertEquals(List.of("attempts[0].note"), names(textFields(ApiOperation.SYNC_ATTEMPTS)));
    }

    // --- Half a character --------------------------------------------------------------

    @Test
    void shouldRefuseHalfACharacterInEveryTextFieldOfEveryOperationNamingTheFieldAndStoringNothing() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        assertAll(operationsWithBody().flatMap(operation -> textFields(operation).stream()
                .flatMap(field -> HALF_A_CHARACTER.stream().map(text -> described(
                        operation + " " + field.name() + " with " + text.description(),
                        () -> assertRefused(operation, text, operation.sendWithBody(
                                seeded.clinic.sendingBadInputTo(operation), seeded,
                                withText(operation.validBody(), field, text)), field.name()))))));

        assertEquals(before, seeded.state());
    }

    /**
     * A 400 naming the field. A batch is read as a whole document first: an escaped half
     * character leaves it readable, so only its item is rejected, naming the field; bytes that
     * are not UTF-8 make the document itself unreadable, so the whole request is, as body.
     */
    private static void assertRefused(ApiOperation operation, Text text, Response response, String field) {
        if (operation != ApiOperation.SYNC_ATTEMPTS) {
            assertInvalidField(response, field);
        } else if (text.escaped()) {
            response.then().statusCode(200).body(at("results[0].status", equalTo("rejected")))
                    .body(at("results[0].problem.status", equalTo(400)))
                    .body(at("results[0].problem.errors.field", hasItem(field)));
        } else {
            assertInvalidField(response, "body");
        }
    }

    @Test
    void shouldRefuseEveryWayOfCuttingACharacterInHalf() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        TextField note = new TextField(List.of("note"));

        assertAll(Stream.concat(HALF_A_CHARACTER.stream(), MORE_HALVES.stream()).map(text -> described(
                text.description(), () -> assertInvalidField(ApiOperation.LOG_ATTEMPT.sendWithBody(
                        seeded.clinic.sendingBadInputTo(ApiOperation.LOG_ATTEMPT), seeded,
                        withText(ApiOperation.LOG_ATTEMPT.validBody(), note, text)), "note"))));

        assertEquals(before, seeded.state());
    }

    /**
     * Whole characters beyond the basic plane (an emoji is a surrogate pair in JSON's escapes)
     * are stored and read back exactly as sent, escaped or as raw UTF-8.
     */
    @Test
    void shouldStoreAnEmojiInEveryFreeTextFieldAndReadItBackAsSent() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        // Updates last: updating the client discharges it, which creates must not meet.
        List<ApiOperation> operations = operationsWithBody()
                .sorted(Comparator.comparing(ApiOperation::isUpdate).thenComparing(Comparator.naturalOrder()))
                .toList();

        for (ApiOperation operation : operations) {
            for (boolean escaped : List.of(false, true)) {
                Object body = bodyToStore(operation, seeded);
                Map<String, String> sent = new LinkedHashMap<>();
                for (TextField field : textFields(operation)) {
                    if (!CODED_FIELDS.contains(field.name())) {
                        String text = operation + " " + field.name() + (escaped ? " escaped " : " raw ") + GRINNING_FACE;
                        body = with(body, field.steps(), text);
                        sent.put(field.name(), text);
                    }
                }

                Response response = operation.sendWithBody(seeded.clinic.staffAllowedTo(operation), seeded,
                        escaped ? escapedJson(body) : rawJson(body));

                response.then().statusCode(operation.successStatus);
                if (operation == ApiOperation.SYNC_ATTEMPTS) {
                    response.then().body(at("results[0].status", equalTo("created")));
                }
                Set<String> readBack = sent.isEmpty() ? Set.of() : textsReadBack(operation, seeded);
                sent.forEach((field, text) -> assertTrue(readBack.contains(text),
                        operation + " " + field + " was not read back as sent"));
            }
        }
    }

    // --- One JSON object, each property once ------------------------------------------

    @Test
    void shouldRefuseContentAfterTheBodyAtEveryOperationStoringNothing() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        assertAll(operationsWithBody().flatMap(operation -> {
            String json = json(operation.validBody());
            return Stream.of(json + " xyz", json + json, json + " []").map(body -> described(
                    operation + ": " + body.substring(json.length()), () -> assertInvalidField(
                            operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded, body),
                            "body")));
        }));

        assertEquals(before, seeded.state());
    }

    /** Reading the last of two values would store what the caller may not have meant; no order is right. */
    @Test
    void shouldRefuseAPropertyNamedTwiceInAnyObjectOfEveryBodyStoringNothing() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        assertAll(operationsWithBody().flatMap(operation -> objectsIn(operation.validBody(), List.of()).stream()
                .map(object -> described(operation + " object at " + new TextField(object).name(),
                        () -> assertInvalidField(operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation),
                                seeded, withFirstPropertyRepeated(operation.validBody(), object)), "body")))));

        assertEquals(before, seeded.state());
    }

    // --- Helpers -----------------------------------------------------------------------

    private static Stream<ApiOperation> operationsWithBody() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::hasBody);
    }

    /** The text fields of an operation's body, found in the record it is read into. */
    private static List<TextField> textFields(ApiOperation operation) {
        List<Object> root = operation == ApiOperation.SYNC_ATTEMPTS ? List.of("attempts", 0) : List.of();
        return textFields(BODY_TYPES.get(operation), root);
    }

    private static List<TextField> textFields(Class<?> record, List<Object> prefix) {
        List<TextField> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<Object> path = append(prefix, component.getName());
            Type type = component.getGenericType();
            if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
                path = append(path, 0);
                type = list.getActualTypeArguments()[0];
            }
            if (String.class.equals(type)) {
                fields.add(new TextField(path));
            } else if (type instanceof Class<?> nested && nested.isRecord()) {
                fields.addAll(textFields(nested, path));
            }
        }
        return fields;
    }

    private static List<String> names(List<TextField> fields) {
        return fields.stream().map(TextField::name).toList();
    }

    /** A body the operation stores, with what nested text fields need beside them (an assignment to rate). */
    private static Object bodyToStore(ApiOperation operation, SeededClient seeded) {
        return switch (operation) {
            case SYNC_ATTEMPTS -> ApiOperation.syncBody(seeded.assignmentId);
            case CREATE_REVIEW -> with(operation.validBody(), List.of("assignments", 0),
                    Map.of("assignmentId", seeded.assignmentId.toString(), "quality", 3));
            default -> operation.validBody();
        };
    }

    /**
     * Every string in what the owner reads back after the write: the GET at the write's own
     * path (the list a POST adds to, the object a PUT replaces); a batch is read in the client's attempts.
     */
    private static Set<String> textsReadBack(ApiOperation write, SeededClient seeded) {
        ApiOperation read = write == ApiOperation.SYNC_ATTEMPTS ? ApiOperation.LIST_CLIENT_ATTEMPTS
                : Arrays.stream(ApiOperation.values())
                        .filter(operation -> operation.method == Method.GET && operation.path.equals(write.path))
                        .findFirst().orElseThrow();
        RequestSpecification request = seeded.clinic.staffAllowedTo(read);
        if (read.isList()) {
            request.queryParam("limit", 200);
        }
        byte[] body = read.send(request, seeded).then().statusCode(200).extract().asByteArray();
        Set<String> texts = new HashSet<>();
        try {
            collectTexts(JSON.readTree(body), texts);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return texts;
    }

    private static void collectTexts(JsonNode node, Set<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    /** The body as JSON bytes with the field set to this text, sent exactly as given. */
    private static byte[] withText(Map<String, Object> body, TextField field, Text text) {
        String json = json(with(body, field.steps(), PLACEHOLDER));
        String quoted = "\"" + PLACEHOLDER + "\"";
        int at = json.indexOf(quoted);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at + 1).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(text.json());
        bytes.writeBytes(json.substring(at + quoted.length() - 1).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** A copy of the body with the value at the path set, creating the objects and lists on the way. */
    @SuppressWarnings("unchecked")
    private static Object with(Object node, List<Object> steps, Object value) {
        if (steps.isEmpty()) {
            return value;
        }
        List<Object> rest = steps.subList(1, steps.size());
        if (steps.get(0) instanceof Integer index) {
            List<Object> list = node instanceof List<?> existing ? new ArrayList<>(existing) : new ArrayList<>();
            if (index < list.size()) {
                list.set(index, with(list.get(index), rest, value));
            } else {
                list.add(with(null, rest, value));
            }
            return list;
        }
        Map<String, Object> object = node instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        String property = (String) steps.get(0);
        object.put(property, with(object.get(property), rest, value));
        return object;
    }

    /** The paths of every object in a body: itself, nested objects and objects in lists. */
    private static List<List<Object>> objectsIn(Object node, List<Object> path) {
        List<List<Object>> objects = new ArrayList<>();
        if (node instanceof Map<?, ?> object) {
            objects.add(path);
            object.forEach((property, value) -> objects.addAll(objectsIn(value, append(path, property))));
        } else if (node instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                objects.addAll(objectsIn(list.get(index), append(path, index)));
            }
        }
        return objects;
    }

    /** The body as JSON, with the first property of the object at the path written twice. */
    private static String withFirstPropertyRepeated(Object body, List<Object> objectPath) {
        StringBuilder json = new StringBuilder();
        write(json, body, List.of(), objectPath);
        return json.toString();
    }

    private static void write(StringBuilder json, Object node, List<Object> path, List<Object> repeatAt) {
        if (node instanceof Map<?, ?> object) {
            List<Map.Entry<?, ?>> properties = new ArrayList<>(object.entrySet());
            if (path.equals(repeatAt)) {
                properties.add(0, properties.get(0));
            }
            json.append('{');
            for (int index = 0; index < properties.size(); index++) {
                Map.Entry<?, ?> property = properties.get(index);
                json.append(index == 0 ? "" : ",").append(json(property.getKey())).append(':');
                write(json, property.getValue(), append(path, property.getKey()), repeatAt);
            }
            json.append('}');
        } else if (node instanceof List<?> list) {
            json.append('[');
            for (int index = 0; index < list.size(); index++) {
                json.append(index == 0 ? "" : ",");
                write(json, list.get(index), append(path, index), repeatAt);
            }
            json.append(']');
        } else {
            json.append(json(node));
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Characters beyond ASCII as UTF-8 bytes, as most apps send them. */
    private static byte[] rawJson(Object body) {
        return json(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Characters beyond ASCII as JSON escapes: an emoji becomes its surrogate pair, \ud83d\ude00. */
    private static byte[] escapedJson(Object body) {
        try {
            return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            bytes[index] = (byte) values[index];
        }
        return bytes;
    }

    /** A check whose failure says which case failed. */
    private static Executable described(String description, Executable check) {
        return () -> {
            try {
                check.execute();
            } catch (AssertionError failure) {
                throw new AssertionError(description + ": " + failure.getMessage(), failure);
            }
        };
    }
}
