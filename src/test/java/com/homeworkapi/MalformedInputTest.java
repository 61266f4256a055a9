package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.ApiOperation;
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
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
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
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.targetParameter() != null);
    }

    static Stream<ApiOperation> listOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::isList);
    }

    static Stream<ApiOperation> updateOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::isUpdate);
    }

    /** Operations that take a range of ISO dates as {@code from} and {@code to}. */
    static Stream<ApiOperation> operationsWithARangeOfDates() {
        return Stream.of(ApiOperation.GET_CLIENT_COMPLIANCE, ApiOperation.GET_ASSIGNMENT_COMPLIANCE,
                ApiOperation.GET_COMPLIANCE_REPORT, ApiOperation.LIST_OCCURRENCES);
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

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded,
                "{\"title\": \"Walk past the dog\", ");

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnArrayWhereAnObjectIsExpected(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded,
                List.of(operation.validBody()));

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnEmptyBody(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded, "");

        assertProblem(response, 400);
        assertEquals(before, seeded.state());
    }

    static Stream<BadBody> valuesOfTheWrongType() {
        String someId = UUID.randomUUID().toString();
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
                        "goalIds[0]"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "a word for the score",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "score", "high"), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "an object for the instrument code",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", Map.of("code", "phq9")),
                        "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "measuredOn 2026-13-01",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "measuredOn", "2026-13-01"), "measuredOn"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "a date-time for the measuredOn date",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "measuredOn", "2026-01-12T09:00:00Z"),
                        "measuredOn"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "measuredOn -5000-01-01 (not a four-digit year)",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "measuredOn", "-5000-01-01"), "measuredOn"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart -5000-01-06, a Monday (not a four-digit year)",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "weekStart", "-5000-01-06"), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart 2026-02-30",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "weekStart", "2026-02-30"), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "a string for the obstacles array",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "obstacles", "no_time"), "obstacles"),
                new BadBody(ApiOperation.CREATE_REVIEW, "an obstacle the contract does not know",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "obstacles", List.of("bad_weather")),
                        "obstacles[0]"),
                new BadBody(ApiOperation.CREATE_REVIEW, "an object for the assignments array",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "assignments",
                                Map.of("assignmentId", someId, "quality", 3)),
                        "assignments"),
                new BadBody(ApiOperation.CREATE_REVIEW, "a word for a quality rating", rating(someId, "good"),
                        "assignments[0].quality"),
                new BadBody(ApiOperation.CREATE_REVIEW, "an assignment id that is not a UUID",
                        rating("assignment-1", 3), "assignments[0].assignmentId"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "a word for compliance.met",
                        settingsWith("compliance", "met", "high"), "compliance.met"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "a number for the weeks object",
                        with(ApiOperation.clinicSettings(), "weeks", 4), "weeks"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "an object for the instruments array",
                        with(ApiOperation.clinicSettings(), "instruments", Map.of("code", "pcl5")), "instruments"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "an array for an instrument's name",
                        settingsWithInstrument("name", List.of("PCL-5")), "instruments[0].name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOfTheWrongType")
    void shouldRejectAValueOfTheWrongJsonType(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    static Stream<BadBody> scalarsOfAnotherType() {
        String someId = UUID.randomUUID().toString();
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
                        with(ApiOperation.CREATE_GOAL.validBody(), "title", 42), "title"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "score \"14\"",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "score", "14"), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "instrument 9 (a number for a string)",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", 9), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "measuredOn 20260112 (a number for a date)",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "measuredOn", 20260112), "measuredOn"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart 20260105 (a number for a date)",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "weekStart", 20260105), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "quality \"3\"", rating(someId, "3"), "assignments[0].quality"),
                new BadBody(ApiOperation.CREATE_REVIEW, "quality 2.5 (a fraction for an integer)", rating(someId, 2.5),
                        "assignments[0].quality"),
                new BadBody(ApiOperation.CREATE_REVIEW, "obstacle 1 (a number for an enum)",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "obstacles", List.of(1)), "obstacles[0]"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "compliance.met \"0.8\"",
                        settingsWith("compliance", "met", "0.8"), "compliance.met"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.atRisk \"2\"",
                        settingsWith("weeks", "atRisk", "2"), "weeks.atRisk"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.relapse 4.5 (a fraction for an integer)",
                        settingsWith("weeks", "relapse", 4.5), "weeks.relapse"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "lowerIsBetter \"true\"",
                        settingsWithInstrument("lowerIsBetter", "true"), "instruments[0].lowerIsBetter"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "lowerIsBetter 1 (a number for a boolean)",
                        settingsWithInstrument("lowerIsBetter", 1), "instruments[0].lowerIsBetter"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "instrument code 5 (a number for a string)",
                        settingsWithInstrument("code", 5), "instruments[0].code"));
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

    static Stream<BadBody> unknownNestedProperties() {
        return Stream.of(
                new BadBody(ApiOperation.CREATE_ASSIGNMENT, "unknown schedule property",
                        with(ApiOperation.CREATE_ASSIGNMENT.validBody(), "schedule",
                                with(timesPerWeek(3), "everyOtherDay", true)),
                        "schedule.everyOtherDay"),
                new BadBody(ApiOperation.CREATE_REVIEW, "unknown property of a rated assignment",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "assignments", List.of(Map.of(
                                "assignmentId", UUID.randomUUID().toString(), "quality", 3, "effort", "high"))),
                        "assignments[0].effort"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "unknown compliance property",
                        settingsWith("compliance", "excellent", 0.95), "compliance.excellent"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "unknown weeks property",
                        settingsWith("weeks", "slip", 1), "weeks.slip"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "unknown symptomRelapse property",
                        settingsWith("symptomRelapse", "instrument", "phq9"), "symptomRelapse.instrument"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "unknown instrument property",
                        settingsWithInstrument("items", 20), "instruments[0].items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownNestedProperties")
    void shouldRejectAnUnknownPropertyInsideANestedObject(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
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
        owned.put(ApiOperation.RECORD_MEASUREMENT, Map.of("id", someId, "clientId", someId, "recordedAt", instant));
        owned.put(ApiOperation.CREATE_REVIEW,
                Map.of("id", someId, "clientId", someId, "reviewerId", "clinician-17", "createdAt", instant));
        owned.put(ApiOperation.UPDATE_CLINIC_SETTINGS, Map.of("updatedAt", instant));
        Stream<BadBody> topLevel = owned.entrySet().stream().flatMap(operation -> operation.getValue().entrySet()
                .stream()
                .map(property -> new BadBody(operation.getKey(), "server-owned " + property.getKey(),
                        with(operation.getKey().validBody(), property.getKey(), property.getValue()),
                        property.getKey())));
        return Stream.concat(topLevel, Stream.of(
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "server-owned builtIn of an instrument",
                        settingsWithInstrument("builtIn", false), "instruments[0].builtIn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOwnedProperties")
    void shouldRejectAServerOwnedProperty(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    static Stream<BadBody> requiredPropertiesLeftOut() {
        return Stream.of(
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "no instrument",
                        without(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument"), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "no score",
                        without(ApiOperation.RECORD_MEASUREMENT.validBody(), "score"), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "no measuredOn",
                        without(ApiOperation.RECORD_MEASUREMENT.validBody(), "measuredOn"), "measuredOn"),
                new BadBody(ApiOperation.CREATE_REVIEW, "no weekStart",
                        without(ApiOperation.CREATE_REVIEW.validBody(), "weekStart"), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "a rated assignment without quality",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "assignments",
                                List.of(Map.of("assignmentId", UUID.randomUUID().toString()))),
                        "assignments[0].quality"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "no weeks",
                        without(ApiOperation.clinicSettings(), "weeks"), "weeks"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "no instruments (an empty list keeps the built-in)",
                        without(ApiOperation.clinicSettings(), "instruments"), "instruments"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "no compliance.met",
                        with(ApiOperation.clinicSettings(), "compliance", Map.of("adequate", 0.5)), "compliance.met"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "an instrument without a threshold",
                        with(ApiOperation.clinicSettings(), "instruments",
                                List.of(without(pcl5(), "threshold"))),
                        "instruments[0].threshold"));
    }

    /** PUT replaces the whole of the settings, so a part left out is no "keep what is there". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredPropertiesLeftOut")
    void shouldRejectARequiredPropertyLeftOutNamingIt(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    // --- Values out of range and rules across fields -----------------------------------

    static Stream<BadBody> valuesOutOfRange() {
        String someId = UUID.randomUUID().toString();
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
                        "difficulty"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "an empty instrument code",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", ""), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "an instrument code of 33 characters",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", "x".repeat(33)), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "a note of 1001 characters",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "note", "x".repeat(1001)), "note"),
                new BadBody(ApiOperation.CREATE_REVIEW, "quality 5", rating(someId, 5), "assignments[0].quality"),
                new BadBody(ApiOperation.CREATE_REVIEW, "quality -1", rating(someId, -1), "assignments[0].quality"),
                new BadBody(ApiOperation.CREATE_REVIEW, "eight obstacles",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "obstacles", Collections.nCopies(8, "forgot")),
                        "obstacles"),
                new BadBody(ApiOperation.CREATE_REVIEW, "nextWeekChanges of 4001 characters",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "nextWeekChanges", "x".repeat(4001)),
                        "nextWeekChanges"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "compliance.met 1.5",
                        settingsWith("compliance", "met", 1.5), "compliance.met"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "compliance.adequate 0",
                        settingsWith("compliance", "adequate", 0), "compliance.adequate"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.atRisk 0",
                        settingsWith("weeks", "atRisk", 0), "weeks.atRisk"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.engagement 53",
                        settingsWith("weeks", "engagement", 53), "weeks.engagement"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.relapse beyond a 32-bit integer",
                        settingsWith("weeks", "relapse", 99_999_999_999L), "weeks.relapse"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "symptomRelapse.measurements 21",
                        settingsWith("symptomRelapse", "measurements", 21), "symptomRelapse.measurements"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "symptomRelapse.spanDays 366",
                        settingsWith("symptomRelapse", "spanDays", 366), "symptomRelapse.spanDays"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "instrument code PCL-5",
                        settingsWithInstrument("code", "PCL-5"), "instruments[0].code"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "instrument max 2000000",
                        settingsWithInstrument("max", 2_000_000), "instruments[0].max"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "instrument reliableChangePoints 0",
                        settingsWithInstrument("reliableChangePoints", 0), "instruments[0].reliableChangePoints"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "instrument responsePercent 101",
                        settingsWithInstrument("responsePercent", 101), "instruments[0].responsePercent"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "51 instruments",
                        with(ApiOperation.clinicSettings(), "instruments", IntStream.range(0, 51)
                                .mapToObj(index -> with(pcl5(), "code", "scale_" + index)).toList()),
                        "instruments"));
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

    /** Rules of measurements, reviews and settings that the schemas cannot state. */
    static Stream<BadBody> valuesBreakingRulesOfScoring() {
        String someId = UUID.randomUUID().toString();
        // Later than today anywhere on earth, so in the client's zone too.
        LocalDate dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        LocalDate mondayAhead = dayAfterTomorrow.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Map<String, Object> review = ApiOperation.CREATE_REVIEW.validBody();
        return Stream.of(
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "phq9 score 28 (its range is 0 to 27)",
                        measurement("phq9", 28), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "gad7 score -1 (its range is 0 to 21)",
                        measurement("gad7", -1), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "gad7 score 22", measurement("gad7", 22), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "ybocs score 41 (its range is 0 to 40)",
                        measurement("ybocs", 41), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "phq9 score 12.5 (built-in scores are whole)",
                        measurement("phq9", 12.5), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "an instrument the clinic does not know",
                        measurement("bdi2", 20), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "a built-in code in capitals",
                        measurement("PHQ9", 12), "instrument"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "measuredOn the day after tomorrow",
                        with(measurement("phq9", 12), "measuredOn", dayAfterTomorrow.toString()), "measuredOn"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart on a Tuesday",
                        with(review, "weekStart", "2026-01-06"), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart on a Sunday",
                        with(review, "weekStart", "2026-01-11"), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "weekStart of a week that has not begun",
                        with(review, "weekStart", mondayAhead.toString()), "weekStart"),
                new BadBody(ApiOperation.CREATE_REVIEW, "a review that says nothing",
                        Map.of("weekStart", "2026-01-12", "assignments", List.of(), "obstacles", List.of(),
                                "obstaclesNote", " "),
                        "assignments"),
                new BadBody(ApiOperation.CREATE_REVIEW, "rating an assignment that does not exist",
                        rating(someId, 3), "assignments[0].assignmentId"),
                new BadBody(ApiOperation.CREATE_REVIEW, "rating one assignment twice",
                        with(review, "assignments", List.of(Map.of("assignmentId", someId, "quality", 3),
                                Map.of("assignmentId", someId, "quality", 1))),
                        "assignments[1].assignmentId"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "compliance.adequate above compliance.met",
                        settingsWith("compliance", "adequate", 0.95), "compliance.adequate"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "weeks.relapse below weeks.atRisk",
                        settingsWith("weeks", "relapse", 1), "weeks.relapse"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "an instrument whose min equals its max",
                        settingsWithInstrument("min", 80), "instruments[0].max"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "an instrument whose min is above its max",
                        settingsWithInstrument("min", 90), "instruments[0].max"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "a threshold above the instrument's max",
                        settingsWithInstrument("threshold", 81), "instruments[0].threshold"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "phq9 redefined as the clinic's own",
                        settingsWithInstrument("code", "phq9"), "instruments[0].code"),
                new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS, "two instruments with one code",
                        with(ApiOperation.clinicSettings(), "instruments", List.of(pcl5(), pcl5())),
                        "instruments[1].code"));
    }

    /** One text property of each write; JSON can carry U+0000, but no text column can store it. */
    static Stream<BadBody> textsWithANulCharacter() {
        String nul = "Walk past the dog\u0000 twice";
        Map<ApiOperation, String> textProperty = new LinkedHashMap<>();
        textProperty.put(ApiOperation.CREATE_CLIENT, "displayName");
        textProperty.put(ApiOperation.UPDATE_CLIENT, "displayName");
        textProperty.put(ApiOperation.CREATE_GOAL, "title");
        textProperty.put(ApiOperation.UPDATE_GOAL, "title");
        textProperty.put(ApiOperation.CREATE_ASSIGNMENT, "title");
        textProperty.put(ApiOperation.UPDATE_ASSIGNMENT, "title");
        textProperty.put(ApiOperation.LOG_ATTEMPT, "note");
        textProperty.put(ApiOperation.RECORD_MEASUREMENT, "note");
        textProperty.put(ApiOperation.CREATE_REVIEW, "obstaclesNote");
        Stream<BadBody> topLevel = textProperty.entrySet().stream()
                .map(text -> new BadBody(text.getKey(), text.getValue() + " with a NUL character",
                        with(text.getKey().validBody(), text.getValue(), nul), text.getValue()));
        return Stream.concat(topLevel, Stream.of(new BadBody(ApiOperation.UPDATE_CLINIC_SETTINGS,
                "an instrument name with a NUL character", settingsWithInstrument("name", nul),
                "instruments[0].name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsWithANulCharacter")
    void shouldRejectTextWithANulCharacterNamingTheField(BadBody bad) {
        assertRejectedAndNothingChanged(bad);
    }

    @Test
    void shouldAnswerAClinicianFilterWithANulCharacterWithoutFailing() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(Stream.of(ApiOperation.GET_COMPLIANCE_REPORT, ApiOperation.GET_AT_RISK_REPORT)
                .map(report -> (Executable) () -> {
                    Response response = report.send(
                            seeded.clinic.sendingBadInputTo(report).queryParam("clinicianId", "dr-a\u0000"), seeded);
                    // No clinician has that id: an empty report, or a 400 naming the filter.
                    if (response.statusCode() == 200) {
                        response.then().body("items", empty());
                    } else {
                        assertInvalidField(response, "clinicianId");
                    }
                }));
    }

    /**
     * The year 0000 is a four-digit year, so the contract lets it through; what is stored must
     * then read back as it was sent (the Monday 0000-01-03 must not come back as a Wednesday),
     * or the date must be refused.
     */
    @Test
    void shouldReadBackADateOfTheYearZeroAsItWasSentOrRefuseIt() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        Map<String, Object> measurement = with(measurement("phq9", 3), "measuredOn", "0000-01-01");
        Map<String, Object> review = with(ApiOperation.CREATE_REVIEW.validBody(), "weekStart", "0000-01-03");

        assertAll(
                () -> assertStoredAsSentOrRefused(ApiOperation.RECORD_MEASUREMENT, seeded, measurement,
                        "measuredOn"),
                () -> assertStoredAsSentOrRefused(ApiOperation.CREATE_REVIEW, seeded, review, "weekStart"));
    }

    private static void assertStoredAsSentOrRefused(ApiOperation create, SeededClient seeded,
            Map<String, Object> body, String dateProperty) {
        Response response = create.sendWithBody(seeded.clinic.sendingBadInputTo(create), seeded, body);
        if (response.statusCode() != 201) {
            assertInvalidField(response, dateProperty);
            return;
        }
        String id = response.path("id");
        List<Map<String, Object>> listed = seeded.clinic.clinician().queryParam("limit", 200)
                .get(create.path, seeded.clientId).then().statusCode(200).extract().jsonPath().getList("items");
        Object readBack = listed.stream().filter(item -> id.equals(item.get("id"))).findFirst()
                .map(item -> item.get(dateProperty)).orElse(null);
        assertEquals(body.get(dateProperty), readBack, create + ": " + dateProperty + " as listed after a 201");
    }

    @Test
    void shouldRejectAReviewRatingAnAssignmentOfAnotherClientOrClinic() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient sameClinic = SeededClient.in(seeded.clinic);
        SeededClient otherClinic = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        SeededClient.State sameClinicBefore = sameClinic.state();
        SeededClient.State otherClinicBefore = otherClinic.state();

        for (UUID foreign : List.of(sameClinic.assignmentId, otherClinic.assignmentId)) {
            assertInvalidField(ApiOperation.CREATE_REVIEW.sendWithBody(seeded.clinic.clinician(), seeded,
                    rating(foreign.toString(), 3)), "assignments[0].assignmentId");
        }

        assertEquals(before, seeded.state());
        assertEquals(sameClinicBefore, sameClinic.state());
        assertEquals(otherClinicBefore, otherClinic.state());
    }

    @Test
    void shouldRejectAScoreOutsideTheRangeOfTheClinicsOwnInstrument() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        seeded.clinic.admin().header("If-Match", "\"0\"").body(ApiOperation.clinicSettings())
                .put("/v1/clinic/settings").then().statusCode(200);
        SeededClient.State before = seeded.state();

        // pcl5 runs from 0 to 80, fractions allowed.
        assertAll(Stream.of(80.5, -0.5, 1_000_000)
                .map(score -> (Executable) () -> assertInvalidField(ApiOperation.RECORD_MEASUREMENT.sendWithBody(
                        seeded.clinic.clinician(), seeded, measurement("pcl5", score)), "score")));

        assertEquals(before, seeded.state());
        ApiOperation.RECORD_MEASUREMENT.sendWithBody(seeded.clinic.clinician(), seeded, measurement("pcl5", 41.5))
                .then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"valuesBreakingRulesOfTheDomain", "valuesBreakingRulesOfScoring"})
    void shouldRejectValuesThatBreakARuleOfTheDomain(BadBody bad) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        // The request is valid by the contract's schemas, so it is checked strictly too.
        assertInvalidField(bad.operation().sendWithBody(seeded.clinic.staffAllowedTo(bad.operation()), seeded,
                bad.body()), bad.field());

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
            RequestSpecification request = seeded.clinic.sendingBadInputTo(operation).contentType(contentType);
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

        assertProblem(operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded, huge), 413);

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

    // --- Preconditions ------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateOperations")
    void shouldAnswer428WithoutIfMatchAnd412ToOneThatNamesNoCurrentVersion(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        assertProblem(operation.sendWithIfMatch(seeded.clinic.sendingBadInputTo(operation), seeded, null), 428);
        assertAll(Stream.of("garbage", "\"\"", "W/", ",", "\"999\"", "\"-1\"")
                .map(ifMatch -> (Executable) () -> assertProblem(
                        operation.sendWithIfMatch(seeded.clinic.sendingBadInputTo(operation), seeded, ifMatch), 412)));

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
                        operation.send(seeded.clinic.sendingBadInputTo(operation), seeded, malformed),
                        anyOf(equalTo(400), equalTo(404)))));

        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void shouldRejectBadPagingParametersNamingThem(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "0"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", String.valueOf(operation.maxLimit() + 1)),
                        "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "abc"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "-1"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "garbage"), "cursor"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "!!!"), "cursor"));
    }

    /**
     * A cursor is opaque but not signed, so one can be forged; a position no list holds (a date
     * or instant beyond what the database stores) is no cursor the API issued, and answered 400.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void shouldRejectAForgedCursorBeyondTheDatesTheDatabaseHolds(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        UUID someId = UUID.randomUUID();

        assertAll(Stream.of("-5000-01-01", "+1000000000-12-31T23:59:59Z")
                .map(position -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((position + "|" + someId).getBytes(StandardCharsets.UTF_8)))
                .map(cursor -> (Executable) () -> assertRejectsQuery(operation, seeded, Map.of("cursor", cursor),
                        "cursor")));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithARangeOfDates")
    void shouldRejectARangeOfDatesThatCannotBeReadNamingTheBound(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "notadate"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("to", "notadate"), "to"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-02-30"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("to", "2026-1-5"), "to"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-01-05T00:00:00Z"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-02-01", "to", "2026-01-31"), "to"),
                // More than 106 weeks (and 35 days): longer histories belong to bulk export.
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2023-01-02", "to", "2026-03-01"),
                        "from"));
    }

    /** The contract's dates have four-digit years; others are no ISO date it accepts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithARangeOfDates")
    void shouldRejectARangeOfDatesWhoseYearsAreNotFourDigits(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "-5000-01-01", "to", "-4999-06-01"),
                        "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "+10000-01-01", "to", "+10000-06-01"),
                        "from"));
    }

    @Test
    void shouldAnswerABadQueryOfTheCsvReportWithProblemJsonNamingIt() {
        TestClinic clinic = new TestClinic();
        Map<Map<String, String>, String> badQueries = Map.of(
                Map.of("from", "notadate"), "from",
                Map.of("from", "2026-02-01", "to", "2026-01-31"), "to",
                Map.of("clinicianId", "x".repeat(201)), "clinicianId");

        assertAll(badQueries.entrySet().stream().map(bad -> (Executable) () -> assertInvalidField(
                clinic.clinicianSendingBadInput().accept("text/csv").queryParams(bad.getKey())
                        .get("/v1/reports/compliance"),
                bad.getValue())));
    }

    @Test
    void shouldRejectAnUnknownInstrumentOrAnOverlongClinicianFilterNamingIt() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded, Map.of("instrument", "bdi2"),
                        "instrument"),
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded, Map.of("instrument", "PHQ9"),
                        "instrument"),
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded,
                        Map.of("instrument", "x".repeat(33)), "instrument"),
                () -> assertRejectsQuery(ApiOperation.GET_COMPLIANCE_REPORT, seeded,
                        Map.of("clinicianId", "x".repeat(201)), "clinicianId"),
                () -> assertRejectsQuery(ApiOperation.GET_AT_RISK_REPORT, seeded,
                        Map.of("clinicianId", "x".repeat(201)), "clinicianId"));
    }

    // --- Helpers -------------------------------------------------------------------------

    /** Sends the bad body as the contract forbids it and checks the 400 and that nothing changed. */
    private static void assertRejectedAndNothingChanged(BadBody bad) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = bad.operation().sendWithBody(seeded.clinic.sendingBadInputTo(bad.operation()), seeded,
                bad.body());

        assertInvalidField(response, bad.field());
        assertEquals(before, seeded.state());
    }

    private static void assertRejectsQuery(ApiOperation operation, SeededClient seeded, Map<String, String> query,
            String parameter) {
        Response response = operation.send(seeded.clinic.sendingBadInputTo(operation).queryParams(query), seeded);
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

    /** A copy of the body without one property. */
    private static Map<String, Object> without(Map<String, Object> body, String property) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(property);
        return copy;
    }

    /** Valid clinic settings with one property of one of their parts ("compliance", "weeks", ...) set. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> settingsWith(String part, String property, Object value) {
        Map<String, Object> settings = ApiOperation.clinicSettings();
        return with(settings, part, with((Map<String, Object>) settings.get(part), property, value));
    }

    /** Valid clinic settings whose one instrument has one property set. */
    private static Map<String, Object> settingsWithInstrument(String property, Object value) {
        return with(ApiOperation.clinicSettings(), "instruments", List.of(with(pcl5(), property, value)));
    }

    /** The clinic's own instrument in {@link ApiOperation#clinicSettings()}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pcl5() {
        return ((List<Map<String, Object>>) ApiOperation.clinicSettings().get("instruments")).get(0);
    }

    /** A valid review that also rates one assignment. */
    private static Map<String, Object> rating(Object assignmentId, Object quality) {
        return with(ApiOperation.CREATE_REVIEW.validBody(), "assignments",
                List.of(Map.of("assignmentId", assignmentId, "quality", quality)));
    }

    private static Map<String, Object> measurement(String instrument, Object score) {
        return with(with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", instrument), "score", score);
    }
}
