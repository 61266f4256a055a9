package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input at every operation: always a 4xx in problem+json that names what is wrong,
 * never a 5xx, and nothing stored or changed.
 */
@QuarkusTest
class MalformedInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/clients")
    URI clients;

    static Stream<ApiOperation> writeOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::hasBody);
    }

    static Stream<ApiOperation> operationsOnAnObject() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.pathParameter() != null);
    }

    static Stream<ApiOperation> listOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::isList);
    }

    /** A body that is wrong in one place, the operation it is sent to and the field the 400 must name. */
    record BadBody(ApiOperation operation, String what, Map<String, Object> body, String field) {

        @Override
        public String toString() {
            return operation + ": " + what;
        }
    }

    // --- Bodies that are not the JSON an operation reads ---------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectMalformedJson(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.clinicianSendingBadInput(), seeded,
                "{\"title\": \"Walk past the dog\", ");

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnArrayWhereAnObjectIsExpected(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.clinicianSendingBadInput(), seeded,
                List.of(operation.validBody()));

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnEmptyBody(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.clinicianSendingBadInput(), seeded, "");

        assertProblem(response, 400);
        assertEquals(before, seeded.state());
    }

    static Stream<BadBody> valuesOfTheWrongType() {
        return Stream.of(
                new BadBody(ApiOperation.CREATE_CLIENT, "a string for the externalIds array",
                        with(ApiOperation.CREATE_CLIENT.validBody(), "externalIds", "urn:ehr:epic|MRN-1"),
                        "externalIds"),
                new BadBody(ApiOperation.UPDATE_CLIENT, "an object for the timeZone string",
                        with(ApiOperation.UPDATE_CLIENT.validBody(), "timeZone", Map.of("id", "Europe/Berlin")),
                        "timeZone"),
                new BadBody(ApiOperation.CREATE_GOAL, "a word for the target value",
                        with(ApiOperation.CREATE_GOAL.validBody(), "target", Map.of("value", "ten")),
                        "target.value"),
                new BadBody(ApiOperation.UPDATE_GOAL, "an array for the target object",
                        with(ApiOperation.UPDATE_GOAL.validBody(), "target", List.of()), "target"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "a word for difficulty",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "difficulty", "hard"), "difficulty"),
                new BadBody(ApiOperation.UPDATE_ASSIGNMENT, "a word for timesPerWeek",
                        with(ApiOperation.UPDATE_ASSIGNMENT.validBody(), "schedule", timesPerWeek("four")),
                        "schedule.timesPerWeek"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "a word for durationMinutes",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "durationMinutes", "ten"), "durationMinutes"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "a word for a SUDS rating",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "suds", Map.of("before", "high")),
                        "suds.before"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "an attempt id that is not a UUID",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "id", "attempt-1"), "id"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "a goal id that is not a UUID",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "goalIds", List.of("goal-1")),
                        "goalIds[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOfTheWrongType")
    void shouldRejectAValueOfTheWrongJsonType(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    static Stream<BadBody> scalarsOfAnotherType() {
        return Stream.of(
                new BadBody(ApiOperation.CREATE_GOAL, "target value \"10\"",
                        with(ApiOperation.CREATE_GOAL.validBody(), "target", Map.of("value", "10")),
                        "target.value"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "difficulty \"50\"",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "difficulty", "50"), "difficulty"),
                new BadBody(ApiOperation.UPDATE_ASSIGNMENT, "timesPerWeek \"4\"",
                        with(ApiOperation.UPDATE_ASSIGNMENT.validBody(), "schedule", timesPerWeek("4")),
                        "schedule.timesPerWeek"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "durationMinutes \"10\"",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "durationMinutes", "10"), "durationMinutes"),
                new BadBody(ApiOperation.UPDATE_CLIENT, "status 1 (a number for an enum)",
                        with(ApiOperation.UPDATE_CLIENT.validBody(), "status", 1), "status"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "outcome 0 (a number for an enum)",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "outcome", 0), "outcome"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "occurredAt 1767859200 (a number for a date-time)",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "occurredAt", 1767859200), "occurredAt"),
                new BadBody(ApiOperation.CREATE_GOAL, "title 42 (a number for a string)",
                        with(ApiOperation.CREATE_GOAL.validBody(), "title", 42), "title"));
    }

    /**
     * The contract gives each property one JSON type; a scalar of another type is refused even
     * when it could be converted, or a client's mistake is stored as something it did not mean.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarsOfAnotherType")
    void shouldRejectAScalarOfAnotherJsonTypeEvenIfItCouldBeConverted(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnUnknownProperty(ApiOperation operation) {
        assertRejectedAndNothingChanged(new BadBody(operation, "unknown property",
                with(operation.validBody(), "favouriteColour", "teal"), "favouriteColour"));
    }

    @Test
    void shouldRejectAnUnknownPropertyInsideANestedObject() {
        assertRejectedAndNothingChanged(new BadBody(ApiOperation.CREATE_ASSIGNMENT, "unknown schedule property",
                with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "schedule",
                        with(timesPerWeek(3), "everyOtherDay", true)),
                "schedule.everyOtherDay"));
    }

    static Stream<BadBody> serverOwnedProperties() {
        String someId = UUID.randomUUID().toString();
        String instant = "2026-01-05T09:00:00Z";
        Map<ApiOperation, Map<String, Object>> owned = new LinkedHashMap<>();
        owned.put(ApiOperation.CREATE_CLIENT, Map.of("id", someId, "createdAt", instant, "updatedAt", instant));
        owned.put(ApiOperation.UPDATE_CLIENT, Map.of("id", someId, "createdAt", instant, "updatedAt", instant));
        owned.put(ApiOperation.CREATE_GOAL, Map.of("id", someId, "clientId", someId, "createdAt", instant));
        owned.put(ApiOperation.UPDATE_GOAL,
                Map.of("id", someId, "clientId", someId, "createdAt", instant, "updatedAt", instant));
        owned.put(ApiOperation.CREATE_ASSIGNMENT,
                Map.of("id", someId, "clientId", someId, "revision", 7, "createdAt", instant));
        owned.put(ApiOperation.UPDATE_ASSIGNMENT, Map.of("id", someId, "clientId", someId, "revision", 7,
                "createdAt", instant, "updatedAt", instant));
        owned.put(ApiOperation.LOG_ATTEMPT,
                Map.of("clientId", someId, "assignmentId", someId, "receivedAt", instant));
        return owned.entrySet().stream().flatMap(operation -> operation.getValue().entrySet().stream()
                .map(property -> new BadBody(operation.getKey(), "server-owned " + property.getKey(),
                        with(operation.getKey().validBody(), property.getKey(), property.getValue()),
                        property.getKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOwnedProperties")
    void shouldRejectAServerOwnedProperty(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    // --- Values out of range and rules across fields -----------------------------------

    static Stream<BadBody> valuesOutOfRange() {
        Map<String, Object> exposure = Map.of("occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "completed");
        return Stream.of(
                new BadBody(ApiOperation.LOG_ATTEMPT, "SUDS peak 101",
                        with(exposure, "suds", Map.of("before", 60, "peak", 101, "after", 30)), "suds.peak"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "SUDS before -1",
                        with(exposure, "suds", Map.of("before", -1)), "suds.before"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "completion 1.5",
                        with(ApiOperation.LOG_ATTEMPT.validBody(), "completion", 1.5), "completion"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "quality rating 5",
                        with(exposure, "quality", Map.of("rating", 5, "rater", "client")), "quality.rating"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "difficulty 101",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "difficulty", 101), "difficulty"),
                new BadBody(ApiOperation.UPDATE_ASSIGNMENT, "difficulty 101",
                        with(ApiOperation.UPDATE_ASSIGNMENT.validBody(), "difficulty", 101), "difficulty"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "timesPerWeek 0",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "schedule", timesPerWeek(0)),
                        "schedule.timesPerWeek"),
                new BadBody(ApiOperation.UPDATE_ASSIGNMENT, "timesPerWeek 0",
                        with(ApiOperation.UPDATE_ASSIGNMENT.validBody(), "schedule", timesPerWeek(0)),
                        "schedule.timesPerWeek"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "difficulty beyond a 32-bit integer",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "difficulty", 99_999_999_999L),
                        "difficulty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOutOfRange")
    void shouldRejectAValueOutOfRange(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    /** Input the contract cannot rule out by its schemas; the server's rules must. */
    static Stream<BadBody> valuesBreakingRulesOfTheDomain() {
        Map<String, Object> endsBeforeItStarts = Map.of("type", "daily", "startDate", "2026-02-01",
                "endDate", "2026-01-31");
        String tenMinutesAhead = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return Stream.of(
                new BadBody(ApiOperation.CREATE_CLIENT, "time zone Mars/Olympus_Mons",
                        with(ApiOperation.CREATE_CLIENT.validBody(), "timeZone", "Mars/Olympus_Mons"), "timeZone"),
                new BadBody(ApiOperation.CREATE_CLIENT, "an offset, not a time zone",
                        with(ApiOperation.CREATE_CLIENT.validBody(), "timeZone", "+02:00"), "timeZone"),
                new BadBody(ApiOperation.UPDATE_CLIENT, "time zone Mars/Olympus_Mons",
                        with(ApiOperation.UPDATE_CLIENT.validBody(), "timeZone", "Mars/Olympus_Mons"), "timeZone"),
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "endDate before startDate",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "schedule", endsBeforeItStarts),
                        "schedule.endDate"),
                new BadBody(ApiOperation.UPDATE_ASSIGNMENT, "endDate before startDate",
                        with(ApiOperation.UPDATE_ASSIGNMENT.validBody(), "schedule", endsBeforeItStarts),
                        "schedule.endDate"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "occurredAt 10 minutes in the future",
                        Map.of("occurredAt", tenMinutesAhead, "outcome", "completed"), "occurredAt"),
                new BadBody(ApiOperation.LOG_ATTEMPT, "completion on a completed attempt",
                        Map.of("occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "completed",
                                "completion", 0.8),
                        "completion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesBreakingRulesOfTheDomain")
    void shouldRejectValuesThatBreakARuleOfTheDomain(BadBody bad) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        // The request is valid by the contract's schemas, so it is checked strictly too.
        assertInvalidField(bad.operation().sendWithBody(seeded.clinic.clinician(), seeded, bad.body()), bad.field());

        assertEquals(before, seeded.state());
    }

    // --- Media type and size -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldAnswer415ToABodyThatIsNotJson(ApiOperation operation) throws JsonProcessingException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        String json = JSON.writeValueAsString(operation.validBody());

        for (String contentType : List.of("text/plain", "application/xml")) {
            RequestSpecification request = seeded.clinic.clinicianSendingBadInput().contentType(contentType);
            assertProblem(operation.sendWithBody(request, seeded, json), 415);
        }

        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldAnswer413ToABodyOverOneMebibyte(ApiOperation operation) throws JsonProcessingException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        String huge = JSON.writeValueAsString(with(operation.validBody(), "padding", "x".repeat(1024 * 1024)));

        assertProblem(operation.sendWithBody(seeded.clinic.clinicianSendingBadInput(), seeded, huge), 413);

        assertEquals(before, seeded.state());
    }

    @Test
    void shouldAnswer413ToAChunkedBodyOverOneMebibyte() throws IOException, InterruptedException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        byte[] huge = JSON.writeValueAsBytes(Map.of("timeZone", "Europe/Berlin", "padding", "x".repeat(1024 * 1024)));

        // A body of unknown length goes out chunked, without a Content-Length to refuse it by.
        HttpRequest request = HttpRequest.newBuilder(clients)
                .header("Authorization", "Bearer " + Tokens.staff(seeded.clinic.id, "clinician"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        // The HTTP layer stops a chunked body at the limit and answers 413 itself, without a
        // problem body (README: known limits); a declared Content-Length gets problem+json.
        assertEquals(413, response.statusCode());
        assertEquals(before, seeded.state());
    }

    // --- Paths and query parameters -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnAnObject")
    void shouldAnswer400Or404ToAMalformedIdInThePath(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        assertAll(Stream.of("not-a-uuid", "42", seeded.clientId + "0")
                .map(malformed -> (Executable) () -> assertProblem(
                        operation.send(seeded.clinic.clinicianSendingBadInput(), seeded, malformed),
                        anyOf(equalTo(400), equalTo(404)))));

        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void shouldRejectBadPagingParametersNamingThem(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "0"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "201"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "abc"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "-1"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "garbage"), "cursor"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "!!!"), "cursor"));
    }

    @Test
    void shouldRejectAnUnknownFilterValueNamingIt() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENTS, seeded, Map.of("status", "bogus"), "status"),
                () -> assertRejectsQuery(ApiOperation.LIST_ASSIGNMENTS, seeded, Map.of("status", "bogus"),
                        "status"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENTS, seeded, Map.of("identifier", "MRN-1"),
                        "identifier"));
    }

    @Test
    void shouldRejectATimeWindowThatIsNotMadeOfDateTimesNamingTheBound() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("from", "notadate"),
                        "from"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("to", "notadate"),
                        "to"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("from", "2026-01-01"),
                        "from"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded,
                        Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"), "to"));
    }

    // --- Helpers -------------------------------------------------------------------------

    /** Sends the bad body as the contract forbids it and checks the 400 and that nothing changed. */
    private static void assertRejectedAndNothingChanged(BadBody bad) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = bad.operation().sendWithBody(seeded.clinic.clinicianSendingBadInput(), seeded,
                bad.body());

        assertInvalidField(response, bad.field());
        assertEquals(before, seeded.state());
    }

    private static void assertRejectsQuery(ApiOperation operation, SeededClient seeded, Map<String, String> query,
            String parameter) {
        Response response = operation.send(seeded.clinic.clinicianSendingBadInput().queryParams(query), seeded);
        assertInvalidField(response, parameter);
    }

    private static Map<String, Object> timesPerWeek(Object times) {
        return Map.of("type", "times_per_week", "timesPerWeek", times, "startDate", "2026-01-05");
    }

    /** A copy of the body with one property set. */
    private static Map<String, Object> with(Map<String, Object> body, String property, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(property, value);
        return copy;
    }
}
