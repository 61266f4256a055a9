package com.homeworkapi.compliance;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

/**
 * A client who moves from Berlin to Auckland: the weeks before the move keep their figures,
 * the week of the move and everything after it is counted in Auckland.
 */
@QuarkusTest
class MovingClientApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final TestClinic clinic = new TestClinic();

    /** A client in Berlin with one daily assignment. */
    private record Practising(UUID clientId, UUID assignmentId) {
    }

    private Practising clientInBerlinWithDailyPracticeFrom(LocalDate start) {
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
        Map<String, Object> assignment = Map.of("title", "Eat in the canteen", "kind", "exposure",
                "schedule", Map.of("type", "daily", "startDate", start.toString()));
        UUID assignmentId = UUID.fromString(Json.path(clinic.clinician().body(assignment)
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201).extract(), "id"));
        return new Practising(clientId, assignmentId);
    }

    private void practise(Practising client, LocalDate day, LocalTime time, ZoneId zone) {
        clinic.client(client.clientId())
                .body(Map.of("occurredAt", RFC_3339.format(ZonedDateTime.of(day, time, zone)), "outcome", "completed"))
                .post("/v1/assignments/{id}/attempts", client.assignmentId()).then().statusCode(201);
    }

    private void practiseEveryDay(Practising client, LocalDate from, LocalDate to, LocalTime time, ZoneId zone) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            practise(client, day, time, zone);
        }
    }

    private void moveTo(Practising client, String zone) {
        String etag = clinic.clinician().get("/v1/clients/{id}", client.clientId()).then().statusCode(200)
                .extract().header("ETag");
        clinic.clinician().header("If-Match", etag).body(Map.of("timeZone", zone, "status", "active"))
                .put("/v1/clients/{id}", client.clientId()).then().statusCode(200)
                .body(at("timeZone", equalTo(zone)));
    }

    private JsonPath compliance(Practising client, LocalDate from) {
        return clinic.clinician().queryParam("from", from.toString()).get("/v1/clients/{id}/compliance", client.clientId())
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> week(JsonPath compliance, String isoWeek) {
        List<Map<String, Object>> weeks = compliance.getList("weeks");
        return weeks.stream().filter(week -> week.get("week").equals(isoWeek)).findFirst().orElseThrow();
    }

    @Test
    void aMoveInTheMiddleOfAWeekChangesNoEarlierWeekNorTheReport() throws Exception {
        Practising client;
        try (var created = TestClock.pinnedAt(Instant.parse("2026-02-23T09:00:00Z"))) {
            client = clientInBerlinWithDailyPracticeFrom(LocalDate.parse("2026-03-02"));
        }
        // Wednesday 10:00 in Berlin, 22:00 in Auckland.
        try (var wednesday = TestClock.pinnedAt(Instant.parse("2026-03-25T09:00:00Z"))) {
            // Every evening at 22:30 in Berlin, which is already the next morning in Auckland.
            practiseEveryDay(client, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-24"), LocalTime.of(22, 30), BERLIN);
            JsonPath before = compliance(client, LocalDate.parse("2026-03-02"));
            Map<String, Object> reportBefore = Json.path(clinic.clinician().queryParam("from", "2026-03-02")
                    .queryParam("to", "2026-03-22").get("/v1/reports/compliance").then().statusCode(200)
                    .extract(), "items[0]");

            moveTo(client, "Pacific/Auckland");

            JsonPath after = compliance(client, LocalDate.parse("2026-03-02"));
            for (String earlier : List.of("2026-W10", "2026-W11", "2026-W12")) {
                assertEquals(week(before, earlier), week(after, earlier), earlier);
                assertEquals(1.0f, week(after, earlier).get("compliance"), earlier);
                assertEquals("Europe/Berlin", week(after, earlier).get("timeZone"), earlier);
            }
            Map<String, Object> moveWeek = week(after, "2026-W13");
            assertEquals("Pacific/Auckland", moveWeek.get("timeZone"));
            assertEquals("in_progress", moveWeek.get("state"));
            assertEquals(2.0f, moveWeek.get("credit"));
            assertEquals(2, moveWeek.get("expected"));
            assertEquals("Pacific/Auckland", after.getString("timeZone"));
            Map<String, Object> reportAfter = Json.path(clinic.clinician().queryParam("from", "2026-03-02")
                    .queryParam("to", "2026-03-22").get("/v1/reports/compliance").then().statusCode(200)
                    .extract(), "items[0]");
            for (String figure : List.of("weeksCovered", "meanCompliance", "lastFullWeekStart", "lastFullWeekCompliance",
                    "status", "setbackWeeks")) {
                assertEquals(reportBefore.get(figure), reportAfter.get(figure), figure);
            }
            clinic.clinician().get("/v1/clients/{id}", client.clientId()).then().statusCode(200)
                    .body(at("timeZoneHistory.timeZone", contains("Europe/Berlin", "Pacific/Auckland")))
                    .body(at("timeZoneHistory.effectiveFrom", contains("2026-02-23", "2026-03-25")));
        }
    }

    @Test
    void aMoveEastAcrossTheTurnOfTheWeekLeavesSundayInTheOldWeekAndStartsTheNewOneOnArrival() throws Exception {
        Practising client;
        try (var created = TestClock.pinnedAt(Instant.parse("2026-03-02T09:00:00Z"))) {
            client = clientInBerlinWithDailyPracticeFrom(LocalDate.parse("2026-03-16"));
        }
        // Sunday 17:30 in Berlin is Monday 05:30 in Auckland.
        try (var sunday = TestClock.pinnedAt(Instant.parse("2026-03-22T16:30:00Z"))) {
            practiseEveryDay(client, LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-21"), LocalTime.of(19, 0), BERLIN);
            practise(client, LocalDate.parse("2026-03-22"), LocalTime.of(15, 0), BERLIN);
            moveTo(client, "Pacific/Auckland");
        }
        try (var monday = TestClock.pinnedAt(Instant.parse("2026-03-22T18:00:00Z"))) {
            practise(client, LocalDate.parse("2026-03-23"), LocalTime.of(6, 30), AUCKLAND);

            JsonPath compliance = compliance(client, LocalDate.parse("2026-03-16"));

            assertEquals(List.of("2026-W12", "2026-W13"), compliance.getList("weeks.week"));
            // Sunday afternoon in Berlin is in week 12, Monday morning in Auckland in week 13, none in both.
            assertEquals(7.0f, compliance.getFloat("weeks[0].assignments[0].credit"));
            assertEquals(0.0f, compliance.getFloat("weeks[0].extraPractice"));
            assertEquals(1.0f, compliance.getFloat("weeks[1].assignments[0].credit"));
            assertEquals(List.of("met", "in_progress"), compliance.getList("weeks.band"));
            assertEquals(List.of("Europe/Berlin", "Pacific/Auckland"), compliance.getList("weeks.timeZone"));
            clinic.clinician().get("/v1/clients/{id}", client.clientId()).then().statusCode(200)
                    .body(at("timeZoneHistory.effectiveFrom", contains("2026-03-02", "2026-03-23")));
        }
    }

    @Test
    void aMoveInIsoWeek53KeepsWeek52AndCountsWeek53InAuckland() throws Exception {
        Practising client;
        try (var created = TestClock.pinnedAt(Instant.parse("2026-12-14T09:00:00Z"))) {
            client = clientInBerlinWithDailyPracticeFrom(LocalDate.parse("2026-12-21"));
        }
        // Wednesday 30 December, 11:00 in Berlin and 23:00 in Auckland.
        try (var wednesday = TestClock.pinnedAt(Instant.parse("2026-12-30T10:00:00Z"))) {
            practiseEveryDay(client, LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-29"), LocalTime.of(22, 30), BERLIN);

            moveTo(client, "Pacific/Auckland");

            JsonPath compliance = compliance(client, LocalDate.parse("2026-12-21"));
            assertEquals(List.of("2026-W52", "2026-W53"), compliance.getList("weeks.week"));
            assertEquals(List.of(7.0f, 2.0f), compliance.getList("weeks.credit"));
            assertEquals(List.of(1.0f, 1.0f), compliance.getList("weeks.compliance"));
            assertEquals(List.of("Europe/Berlin", "Pacific/Auckland"), compliance.getList("weeks.timeZone"));
            assertEquals("2027-01-03", compliance.getString("weeks[1].weekEnd"));
        }
    }
}
