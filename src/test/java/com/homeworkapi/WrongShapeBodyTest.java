package com.homeworkapi;

import static com.homeworkapi.support.BadBody.assertRejectedAndNothingChanged;
import static com.homeworkapi.support.BadBody.pcl5;
import static com.homeworkapi.support.BadBody.rating;
import static com.homeworkapi.support.BadBody.settingsWith;
import static com.homeworkapi.support.BadBody.settingsWithInstrument;
import static com.homeworkapi.support.BadBody.timesPerWeek;
import static com.homeworkapi.support.BadBody.with;
import static com.homeworkapi.support.BadBody.without;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.BadBody;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON of the wrong shape (a value of another type, an unknown, server-owned or missing
 * property): a 400 problem+json naming the field, at every operation that takes a body, and
 * nothing stored or changed.
 */
@QuarkusTest
class WrongShapeBodyTest {

    static Stream<ApiOperation> writeOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::hasBody);
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
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "a word for an item answer",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "itemAnswers",
                                List.of("never", 1, 1, 1, 1, 1, 1, 1, 1)), "itemAnswers[0]"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "item answers as one string",
                        with(ApiOperation.RECORD_MEASUREMENT.validBody(), "itemAnswers", "1,1,1,1,1,1,1,1,1"),
                        "itemAnswers"),
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
}
