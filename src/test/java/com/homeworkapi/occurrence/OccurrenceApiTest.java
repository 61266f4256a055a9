package com.homeworkapi.occurrence;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a client's app reads to set reminders ahead, in the client's local dates. */
@QuarkusTest
class OccurrenceApiTest {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Test
    void aDaysOfWeekAssignmentOverThreeWeeksIsDoneOnTheDaysWithCreditedAttempts() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
        UUID assignmentId = createAssignment(clinic, clientId,
                Map.of("type", "days_of_week", "daysOfWeek", List.of("MON", "WED", "FRI"), "startDate", "2026-03-02"));
        log(clinic, clientId, assignmentId, "2026-03-02T19:00:00+01:00", "completed");
        log(clinic, clientId, assignmentId, "2026-03-04T07:10:00+01:00", "partial");
        log(clinic, clientId, assignmentId, "2026-03-06T20:00:00+01:00", "skipped");
        log(clinic, clientId, assignmentId, "2026-03-09T23:30:00+01:00", "completed");
        // A Thursday is no scheduled day: it marks nothing done.
        log(clinic, clientId, assignmentId, "2026-03-12T18:00:00+01:00", "completed");
        log(clinic, clientId, assignmentId, "2026-03-18T00:15:00+01:00", "completed");

        JsonPath answer = clinic.client(clientId).queryParams(Map.of("from", "2026-03-02", "to", "2026-03-22"))
                .get("/v1/clients/{clientId}/occurrences", clientId).then().statusCode(200)
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("timeZone", equalTo("Europe/Berlin")))
                .body(at("from", equalTo("2026-03-02")))
                .body(at("to", equalTo("2026-03-22")))
                .body(at("weeklyTargets", empty()))
                .body(at("occurrences.scheduleType.unique()", contains("days_of_week")))
                .body(at("occurrences.assignmentId.unique()", contains(assignmentId.toString())))
                .extract().jsonPath();

        assertEquals(List.of("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11", "2026-03-13",
                "2026-03-16", "2026-03-18", "2026-03-20"), answer.getList("occurrences.date"));
        assertEquals(List.of(true, true, false, true, false, false, false, true, false),
                answer.getList("occurrences.done"));
        assertEquals(List.of(1.0f, 0.5f, 0.0f, 1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f),
                answer.getList("occurrences.credit"));
    }

    @ParameterizedTest(name = "{0}, DST change on {1}")
    @CsvSource({
        "Europe/Berlin, 2026-03-29",
        "America/New_York, 2026-03-08",
        "Europe/Berlin, 2026-10-25",
        "America/New_York, 2026-11-01"})
    void aDstWeekHasEveryLocalDateOnceWithAttemptsOnTheirLocalDates(String zoneName, LocalDate changeDay) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDate monday = changeDay.with(DayOfWeek.MONDAY);
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", zoneName));
        UUID assignmentId = createAssignment(clinic, clientId,
                Map.of("type", "daily", "startDate", monday.toString()));
        // Either end of the day of the change, whose offsets differ, and the evening before.
        log(clinic, clientId, assignmentId, local(changeDay, LocalTime.of(0, 30), zone), "completed");
        log(clinic, clientId, assignmentId, local(changeDay, LocalTime.of(23, 30), zone), "completed");
        log(clinic, clientId, assignmentId, local(changeDay.minusDays(1), LocalTime.of(23, 30), zone), "completed");

        JsonPath answer = clinic.clinician()
                .queryParams(Map.of("from", monday.toString(), "to", changeDay.plusDays(1).toString()))
                .get("/v1/clients/{clientId}/occurrences", clientId).then().statusCode(200)
                .extract().jsonPath();

        List<String> week = monday.datesUntil(changeDay.plusDays(2)).map(LocalDate::toString).toList();
        assertEquals(week, answer.getList("occurrences.date"));
        assertEquals(List.of(false, false, false, false, false, true, true, false), answer.getList("occurrences.done"));
        assertEquals(2.0f, answer.getFloat("occurrences[6].credit"));
    }

    @Test
    void afterATimeZoneChangeAttemptsCountOnTheirLocalDateInTheNewZone() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
        UUID daily = createAssignment(clinic, clientId, Map.of("type", "daily", "startDate", "2026-03-02"));
        UUID threeTimes = createAssignment(clinic, clientId,
                Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-03-02"));
        // Wednesday 00:30 in Berlin is Tuesday 15:30 in Los Angeles.
        log(clinic, clientId, daily, "2026-03-04T00:30:00+01:00", "completed");
        // Monday 00:30 in Berlin (week 11) is Sunday 16:30 in Los Angeles (week 10).
        log(clinic, clientId, threeTimes, "2026-03-09T00:30:00+01:00", "completed");
        Map<String, String> range = Map.of("from", "2026-03-02", "to", "2026-03-15");

        JsonPath berlin = occurrences(clinic, clientId, range);
        String etag = clinic.clinician().get("/v1/clients/{clientId}", clientId).then().statusCode(200)
                .extract().header("ETag");
        clinic.clinician().header("If-Match", etag)
                .body(Map.of("timeZone", "America/Los_Angeles", "status", "active"))
                .put("/v1/clients/{clientId}", clientId).then().statusCode(200);
        JsonPath losAngeles = occurrences(clinic, clientId, range);

        assertEquals("Europe/Berlin", berlin.getString("timeZone"));
        assertEquals(List.of("2026-03-04"), doneDates(berlin));
        assertEquals(List.of(0.0f, 1.0f), berlin.getList("weeklyTargets.credit"));
        assertEquals("America/Los_Angeles", losAngeles.getString("timeZone"));
        assertEquals(List.of("2026-03-03"), doneDates(losAngeles));
        assertEquals(List.of(1.0f, 0.0f), losAngeles.getList("weeklyTargets.credit"));
        assertEquals(List.of("2026-W10", "2026-W11"), losAngeles.getList("weeklyTargets.week"));
        assertEquals(List.of(3, 3), losAngeles.getList("weeklyTargets.expected"));
        assertEquals(List.of(threeTimes.toString(), threeTimes.toString()),
                losAngeles.getList("weeklyTargets.assignmentId"));
    }

    @Test
    void aRangeOfMoreThanThirtyFiveDaysIsRefusedAndThirtyFiveAreAnswered() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
        createAssignment(clinic, clientId, Map.of("type", "daily", "startDate", "2026-03-02"));

        assertInvalidField(clinic.clinicianSendingBadInput()
                .queryParams(Map.of("from", "2026-03-02", "to", "2026-04-06"))
                .get("/v1/clients/{clientId}/occurrences", clientId), "from");
        assertInvalidField(clinic.clinicianSendingBadInput()
                .queryParams(Map.of("from", "2026-03-02", "to", "2026-03-01"))
                .get("/v1/clients/{clientId}/occurrences", clientId), "to");
        clinic.clinician().queryParams(Map.of("from", "2026-03-02", "to", "2026-04-05"))
                .get("/v1/clients/{clientId}/occurrences", clientId).then().statusCode(200)
                .body(at("occurrences.size()", equalTo(35)));
    }

    @Test
    void withoutARangeTheNextTwoWeeksFromTodayInTheClientsZoneAreAnswered() {
        // 11:00 UTC on 10 March is already 01:00 on 11 March in Kiritimati (UTC+14).
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-10T11:00:00Z"))) {
            TestClinic clinic = new TestClinic();
            UUID clientId = clinic.createClient(Map.of("timeZone", "Pacific/Kiritimati"));
            createAssignment(clinic, clientId, Map.of("type", "daily", "startDate", "2026-03-08"));

            clinic.clinician().get("/v1/clients/{clientId}/occurrences", clientId).then().statusCode(200)
                    .body(at("from", equalTo("2026-03-11")))
                    .body(at("to", equalTo("2026-03-24")))
                    .body(at("occurrences.size()", equalTo(14)));
            clinic.clinician().queryParam("to", "2026-03-15").get("/v1/clients/{clientId}/occurrences", clientId)
                    .then().statusCode(200)
                    .body(at("from", equalTo("2026-03-02")));
        }
    }

    private static UUID createAssignment(TestClinic clinic, UUID clientId, Map<String, Object> schedule) {
        Map<String, Object> body = Map.of("title", "Ride the bus one stop further", "kind", "exposure",
                "schedule", schedule);
        return UUID.fromString(Json.path(clinic.clinician().body(body).post("/v1/clients/{clientId}/assignments", clientId)
                .then().statusCode(201).extract(), "id"));
    }

    private static void log(TestClinic clinic, UUID clientId, UUID assignmentId, String occurredAt, String outcome) {
        clinic.client(clientId).body(Map.of("occurredAt", occurredAt, "outcome", outcome))
                .post("/v1/assignments/{assignmentId}/attempts", assignmentId).then().statusCode(201);
    }

    private static String local(LocalDate date, LocalTime time, ZoneId zone) {
        return RFC_3339.format(ZonedDateTime.of(date, time, zone));
    }

    private static JsonPath occurrences(TestClinic clinic, UUID clientId, Map<String, String> range) {
        return clinic.clinician().queryParams(range).get("/v1/clients/{clientId}/occurrences", clientId).then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<String> doneDates(JsonPath answer) {
        List<String> dates = answer.getList("occurrences.date");
        List<Boolean> done = answer.getList("occurrences.done");
        return dates.stream().filter(date -> done.get(dates.indexOf(date))).toList();
    }
}
