package com.homeworkapi;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertAnsweredAsAbsent;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No clinic reads or changes another clinic's data, at every operation that names an object and
 * in the clinic-level settings and reports: another clinic's object is answered exactly as one
 * that does not exist.
 */
@QuarkusTest
class TenancyTest {

    static Stream<ApiOperation> operationsOnAnObject() {
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.targetParameter() != null || operation.namesObjectInBody());
    }

    static Stream<ApiOperation> clientVisibleOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible);
    }

    // --- Tenancy: another clinic -------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnAnObject")
    void shouldAnswerAnotherClinicWith404AsIfTheObjectDidNotExist(ApiOperation operation) {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        SeededClient.State before = owner.state();

        Response refused = operation.send(otherClinic.staffAllowedTo(operation), owner);
        Response absent = operation.send(otherClinic.staffAllowedTo(operation), owner, UUID.randomUUID().toString());

        assertAnsweredAsAbsent(operation, refused, absent);
        assertEquals(before, owner.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVisibleOperations")
    void shouldAnswer404ToAClientTokenOfAnotherClinicThatNamesThisClient(ApiOperation operation) {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        SeededClient.State before = owner.state();

        Response refused = operation.send(otherClinic.client(owner.clientId), owner);
        Response absent = operation.send(otherClinic.client(owner.clientId), owner, UUID.randomUUID().toString());

        assertAnsweredAsAbsent(operation, refused, absent);
        assertEquals(before, owner.state());
    }

    @Test
    void shouldListAndCreateClientsOnlyInTheCallersOwnClinic() {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        UUID othersOwnClient = otherClinic.createClient();
        SeededClient.State before = owner.state();

        otherClinic.clinician().queryParam("limit", 200).get("/v1/clients").then().statusCode(200)
                .body(at("items.id", contains(othersOwnClient.toString())));
        ApiOperation.CREATE_CLIENT.send(otherClinic.clinician(), owner).then().statusCode(201);

        assertEquals(before, owner.state());
        otherClinic.clinician().queryParam("limit", 200).get("/v1/clients").then().statusCode(200)
                .body(at("items.size()", equalTo(2)));
    }

    // --- Clinic-level operations: settings and reports ---------------------------------

    @Test
    void shouldKeepEachClinicsSettingsToItself() {
        SeededClient ours = SeededClient.in(new TestClinic());
        SeededClient theirs = SeededClient.in(new TestClinic());
        Map<String, Object> defaults = settingsOf(theirs.clinic, "\"0\"");

        // Our admin's save is invisible to the other clinic, which keeps its defaults and ETag.
        saveSettings(ours.clinic, "\"0\"", settings(0.9, 0.6)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        assertEquals(defaults, settingsOf(theirs.clinic, "\"0\""));
        thresholdsOf(theirs).then().body(at("thresholds.met", equalTo(0.8f)));
        thresholdsOf(ours).then().body(at("thresholds.met", equalTo(0.9f)));
        // Nor can they record on the instrument we defined.
        assertInvalidField(theirs.clinic.clinician()
                .body(Map.of("instrument", "pcl5", "score", 40, "measuredOn", "2026-01-12"))
                .post("/v1/clients/{clientId}/measurements", theirs.clientId), "instrument");

        // Our ETag means nothing to them: their settings are still at "0".
        SeededClient.State theirsBefore = theirs.state();
        assertProblem(saveSettings(theirs.clinic, "\"1\"", settings(0.7, 0.4)), 412);
        assertEquals(theirsBefore, theirs.state());

        // And vice versa: their first save leaves ours as they were.
        Map<String, Object> oursSaved = settingsOf(ours.clinic, "\"1\"");
        saveSettings(theirs.clinic, "\"0\"", settings(0.7, 0.4)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        assertEquals(oursSaved, settingsOf(ours.clinic, "\"1\""));
        thresholdsOf(ours).then().body(at("thresholds.met", equalTo(0.9f)));
        thresholdsOf(theirs).then().body(at("thresholds.met", equalTo(0.7f)));
        saveSettings(ours.clinic, "\"1\"", settings(0.85, 0.6)).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        theirs.clinic.clinician().get("/v1/clinic/settings").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body(at("compliance.met", equalTo(0.7f)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinician", "integration", "admin"})
    void shouldNeverListAClientInAnotherClinicsReports(String role) {
        // Relapses are counted back from the current week, whichever week the suite runs in.
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-18T11:00:00Z"))) {
            TestClinic ourClinic = new TestClinic();
            UUID ourRelapse = clientInRelapse(ourClinic);
            SeededClient ours = SeededClient.in(ourClinic);
            TestClinic otherClinic = new TestClinic();
            UUID theirRelapse = clientInRelapse(otherClinic);

            // Our reports list our clients, so the other clinic's can only be without them by tenancy.
            ourClinic.staff(role).get("/v1/reports/compliance").then().statusCode(200)
                    .body(at("items.clientId", containsInAnyOrder(ourRelapse.toString(), ours.clientId.toString())));
            ourClinic.staff(role).get("/v1/reports/at-risk").then().statusCode(200)
                    .body(at("items.clientId", contains(ourRelapse.toString())));

            otherClinic.staff(role).get("/v1/reports/compliance").then().statusCode(200)
                    .body(at("items.clientId", contains(theirRelapse.toString())));
            otherClinic.staff(role).get("/v1/reports/at-risk").then().statusCode(200)
                    .body(at("items.clientId", contains(theirRelapse.toString())));
            assertEquals(List.of("clientId", theirRelapse.toString()), csvFirstColumn(otherClinic.staff(role)));
            assertEquals(Set.of("clientId", ourRelapse.toString(), ours.clientId.toString()),
                    Set.copyOf(csvFirstColumn(ourClinic.staff(role))));
        }
    }

    // --- Helpers ----------------------------------------------------------------------

    private static Map<String, Object> settings(double met, double adequate) {
        Map<String, Object> settings = new HashMap<>(ApiOperation.clinicSettings());
        settings.put("compliance", Map.of("met", met, "adequate", adequate));
        return settings;
    }

    private static Response saveSettings(TestClinic clinic, String ifMatch, Map<String, Object> settings) {
        return clinic.admin().header("If-Match", ifMatch).body(settings).put("/v1/clinic/settings");
    }

    /** The clinic's settings as each staff role reads them, all under the expected ETag. */
    private static Map<String, Object> settingsOf(TestClinic clinic, String etag) {
        Map<String, Object> asAdminReadsThem = null;
        for (String role : ApiOperation.STAFF_ROLES) {
            Response response = clinic.staff(role).get("/v1/clinic/settings");
            response.then().statusCode(200).header("ETag", equalTo(etag));
            Map<String, Object> read = response.jsonPath().getMap("$");
            if (asAdminReadsThem != null) {
                assertEquals(asAdminReadsThem, read);
            }
            asAdminReadsThem = read;
        }
        return asAdminReadsThem;
    }

    /** The client's compliance, whose thresholds come from the settings of the client's clinic. */
    private static Response thresholdsOf(SeededClient seeded) {
        Response response = seeded.clinic.clinician().get("/v1/clients/{clientId}/compliance", seeded.clientId);
        response.then().statusCode(200);
        return response;
    }

    /** An active client who did the homework six and five weeks ago and nothing since. */
    private static UUID clientInRelapse(TestClinic clinic) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate sixWeeksAgo = LocalDate.ofInstant(TestClock.now(), zone)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(6);
        UUID clientId = clinic.createClient();
        UUID assignmentId = UUID.fromString(Json.path(clinic.clinician()
                .body(Map.of("title", "Leave the house without checking the stove", "kind", "exposure",
                        "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3,
                                "startDate", sixWeeksAgo.toString())))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201).extract(), "id"));
        for (int week = 0; week < 2; week++) {
            for (int day = 1; day <= 3; day++) {
                String evening = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        sixWeeksAgo.plusWeeks(week).plusDays(day).atTime(LocalTime.of(19, 0)).atZone(zone));
                clinic.client(clientId).body(Map.of("occurredAt", evening, "outcome", "completed"))
                        .post("/v1/assignments/{assignmentId}/attempts", assignmentId).then().statusCode(201);
            }
        }
        return clientId;
    }

    /** The first cell of every line of the compliance report as CSV, the header's included. */
    private static List<String> csvFirstColumn(RequestSpecification staff) {
        Response csv = staff.accept("text/csv").get("/v1/reports/compliance");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        // Client ids are UUIDs: the first cell of a row, quoted like every cell, holds no comma or quote.
        return csv.asString().lines().map(line -> line.split(",", 2)[0].replace("\"", "")).toList();
    }
}
