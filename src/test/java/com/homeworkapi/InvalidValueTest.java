package com.homeworkapi;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.BadBody.assertRejectedAndNothingChanged;
import static com.homeworkapi.support.BadBody.measurement;
import static com.homeworkapi.support.BadBody.pcl5;
import static com.homeworkapi.support.BadBody.rating;
import static com.homeworkapi.support.BadBody.settingsWith;
import static com.homeworkapi.support.BadBody.settingsWithInstrument;
import static com.homeworkapi.support.BadBody.timesPerWeek;
import static com.homeworkapi.support.BadBody.with;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.BadBody;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
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
 * Well-formed bodies whose values the service must refuse (out of range, against a rule of the
 * domain or of scoring, text PostgreSQL cannot store) and updates without a current version:
 * a 4xx problem+json naming the field, and nothing stored or changed.
 */
@QuarkusTest
class InvalidValueTest {

    static Stream<ApiOperation> updateOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::isUpdate);
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
        // Instant prints its seconds even when they are zero, as the contract's date-time requires.
        String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
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
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "phq9 items summing to 9 sent with score 12",
                        with(measurement("phq9", 12), "itemAnswers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)), "score"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "eight answers to phq9",
                        with(measurement("phq9", 8), "itemAnswers", List.of(1, 1, 1, 1, 1, 1, 1, 1)), "itemAnswers"),
                new BadBody(ApiOperation.RECORD_MEASUREMENT, "item answers to ybocs (its items are not stored)",
                        with(measurement("ybocs", 7), "itemAnswers", List.of(1, 1, 1, 1, 1, 1, 1)), "itemAnswers"),
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
                        response.then().body(at("items", empty()));
                    } else {
                        assertInvalidField(response, "clinicianId");
                    }
                }));
    }

    /**
     * The year 0000 is a four-digit year, so the contract lets it through, but PostgreSQL has no
     * year 0: stored, the Monday 0000-01-03 would come back as another day. It is refused.
     */
    @Test
    void shouldRejectADateOfTheYearZeroNamingTheField() {
        assertAll(
                () -> assertRejectedAndNothingChanged(new BadBody(ApiOperation.RECORD_MEASUREMENT, "measuredOn 0000-01-01",
                        with(measurement("phq9", 3), "measuredOn", "0000-01-01"), "measuredOn")),
                () -> assertRejectedAndNothingChanged(new BadBody(ApiOperation.CREATE_REVIEW, "weekStart 0000-01-03",
                        with(ApiOperation.CREATE_REVIEW.validBody(), "weekStart", "0000-01-03"), "weekStart")));
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
}
