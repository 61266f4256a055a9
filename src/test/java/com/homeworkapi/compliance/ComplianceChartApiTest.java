package com.homeworkapi.compliance;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.Html;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The compliance chart through the API: the same operation as the JSON for
 * {@code Accept: image/svg+xml}, with the same figures, roles, tenancy and audit event; and
 * what got in the way, counted in the JSON.
 */
@QuarkusTest
class ComplianceChartApiTest {

    static final String SVG = "image/svg+xml";
    /** A Wednesday morning in Berlin: the week in progress has begun. */
    static final Instant NOW = Instant.parse("2026-06-24T08:00:00Z");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @AfterEach
    void releaseClock() {
        TestClock.release();
    }

    @Test
    void shouldDrawTheClientsWeeksWithTheFiguresOfItsJson() {
        TestClock.pin(NOW);
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 8, Map.of("timeZone", "Europe/Berlin"))
                .completedEveryWeek(8, 2).completed(1, 1);

        JsonNode json = Json.of(clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId));
        Response chart = clinic.clinician().accept(SVG).get("/v1/clients/{id}/compliance", history.clientId);

        chart.then().statusCode(200).contentType(startsWith(SVG))
                .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'unsafe-inline'"));
        Html svg = Html.of(chart);
        List<Element> bars = svg.all("//rect[@class='bar']");
        assertEquals(json.path("weeks").size(), bars.size());
        for (int i = 0; i < bars.size(); i++) {
            JsonNode week = json.path("weeks").get(i);
            Element bar = bars.get(i);
            assertEquals(week.path("week").asText(), bar.getAttribute("data-week"));
            assertEquals(week.path("band").asText(), bar.getAttribute("data-band"));
            assertEquals(week.path("compliance").asDouble() * 200, Double.parseDouble(bar.getAttribute("height")), 0.06);
        }
        String status = json.path("status").path("code").asText();
        assertAll(
                () -> assertEquals("slip", status, "a week with one of three is low after weeks at met"),
                () -> assertEquals("img", svg.attribute("/svg", "role")),
                () -> assertTrue(svg.text("/svg/desc").startsWith("Status: slip. "), svg.text("/svg/desc")),
                () -> assertEquals("slip", svg.attribute("//rect[@class='setback-run']", "data-status")));
    }

    @Test
    void shouldAnswerTheSameBytesForTheSameRecord() {
        TestClock.pin(NOW);
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 6, Map.of("timeZone", "Europe/Berlin"))
                .completedEveryWeek(6, 1);

        byte[] first = clinic.clinician().accept(SVG).get("/v1/clients/{id}/compliance", history.clientId).asByteArray();
        TestClock.pin(NOW.plusSeconds(3600));
        byte[] second = clinic.integration().accept(SVG).get("/v1/clients/{id}/compliance", history.clientId)
                .asByteArray();

        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
    }

    @Test
    void shouldStillAnswerJsonByDefaultAndRefuseAMediaTypeItCannotDraw() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        clinic.clinician().get("/v1/clients/{id}/compliance", clientId).then().statusCode(200)
                .contentType(startsWith("application/json")).body(at("clientId", equalTo(clientId.toString())));
        clinic.clinician().accept("*/*").get("/v1/clients/{id}/compliance", clientId).then().statusCode(200)
                .contentType(startsWith("application/json"));
        assertProblem(clinic.clinicianSendingBadInput().accept("image/png")
                .get("/v1/clients/{id}/compliance", clientId), 406);
    }

    @Test
    void shouldDrawOneAssignmentWithItsOwnMarkersAndTitleEscaped() {
        TestClock.pin(NOW);
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String title = "<script>document.title='owned'</script> & <b>bold</b>";
        String assignmentId = Json.path(clinic.clinician().body(Map.of("title", title, "kind", "exposure",
                        "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-05-04")))
                .post("/v1/clients/{id}/assignments", clientId).then().statusCode(201).extract(), "id");
        Response current = clinic.clinician().get("/v1/assignments/{id}", assignmentId);
        clinic.clinician().header("If-Match", current.header("ETag")).body(Map.of("title", title, "kind", "exposure",
                        "status", "paused", "effectiveDate", "2026-06-08",
                        "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-05-04")))
                .put("/v1/assignments/{id}", assignmentId).then().statusCode(200);

        Response chart = clinic.client(clientId).accept(SVG).get("/v1/assignments/{id}/compliance", assignmentId);

        chart.then().statusCode(200).contentType(startsWith(SVG));
        String text = chart.asString();
        Html svg = Html.of(text);
        assertAll(
                () -> assertFalse(text.contains("<script"), "a stored script is escaped"),
                () -> assertTrue(svg.elements("script").isEmpty()),
                () -> assertEquals("paused", svg.attribute("//g[@class='marker']", "data-kind")),
                () -> assertTrue(svg.text("//g[@class='marker']/title").contains(title)),
                () -> assertTrue(svg.all("//g[@class='symptoms']").isEmpty()));
    }

    @Test
    void shouldAnswerAnotherClinicOrAnotherClientWith404AsForJson() {
        TestClinic clinic = new TestClinic();
        TestClinic other = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClient = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);

        assertAll(
                () -> assertProblem(other.clinician().accept(SVG).get("/v1/clients/{id}/compliance", clientId), 404),
                () -> assertProblem(other.admin().accept(SVG).get("/v1/assignments/{id}/compliance", assignmentId),
                        404),
                () -> assertProblem(clinic.client(otherClient).accept(SVG)
                        .get("/v1/clients/{id}/compliance", clientId), 404),
                () -> assertProblem(clinic.client(otherClient).accept(SVG)
                        .get("/v1/assignments/{id}/compliance", assignmentId), 404),
                () -> assertProblem(clinic.clinicianSendingBadInput().accept(SVG).queryParam("from", "notadate")
                        .get("/v1/clients/{id}/compliance", clientId), 400));
    }

    @Test
    void shouldRecordTheChartAsAReadOfTheClientsCompliance() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String requestId = "chart-" + UUID.randomUUID();

        clinic.clinician().header("X-Request-Id", requestId).accept(SVG).get("/v1/clients/{id}/compliance", clientId)
                .then().statusCode(200);

        Map<String, String> event = AuditRows.onlyEventOf(requestId);
        assertAll(
                () -> assertEquals("getClientCompliance", event.get("operation")),
                () -> assertEquals(clientId.toString(), event.get("client_id")),
                () -> assertEquals("200", event.get("status")));
    }

    @Test
    void shouldCountWhatGotInTheWayByObstacleMostFrequentFirstWithItsWeeks() {
        TestClock.pin(NOW);
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 4, Map.of("timeZone", "Europe/Berlin"));
        UUID second = clinic.createAssignment(history.clientId);
        log(clinic, history.clientId, history.assignmentId, 3, "skipped", List.of("no_time", "forgot"));
        log(clinic, history.clientId, history.assignmentId, 2, "skipped", List.of("no_time"));
        log(clinic, history.clientId, history.assignmentId, 2, "partial", List.of("no_time"));
        log(clinic, history.clientId, second, 2, "skipped", List.of("too_difficult"));
        log(clinic, history.clientId, second, 1, "skipped", List.of());
        log(clinic, history.clientId, history.assignmentId, 1, "completed", List.of());
        // Outside the range asked for: not counted.
        log(clinic, history.clientId, history.assignmentId, 4, "skipped", List.of("symptoms_interfered"));
        String twoWeeksAgo = HomeworkHistory.monday(2).toString();

        JsonNode obstacles = Json.of(clinic.clinician().queryParam("from", HomeworkHistory.monday(3).toString())
                .get("/v1/clients/{id}/compliance", history.clientId)).path("obstacles");

        List<String> overall = new ArrayList<>();
        obstacles.path("overall").forEach(count -> overall.add(count.path("obstacle").asText()));
        JsonNode noTime = obstacles.path("overall").get(0);
        JsonNode mine = obstacles.path("assignments").get(0);
        assertAll(
                () -> assertEquals(4, obstacles.path("skipped").asInt()),
                () -> assertEquals(1, obstacles.path("partial").asInt()),
                () -> assertEquals(1, obstacles.path("withoutObstacle").asInt()),
                () -> assertEquals(List.of("no_time", "forgot", "too_difficult"), overall),
                () -> assertEquals(3, noTime.path("count").asInt()),
                () -> assertEquals(2, noTime.path("skipped").asInt()),
                () -> assertEquals(1, noTime.path("partial").asInt()),
                () -> assertEquals(twoWeeksAgo, noTime.path("weeks").get(0).path("weekStart").asText()),
                () -> assertEquals(2, noTime.path("weeks").get(0).path("count").asInt()),
                () -> assertEquals(1, noTime.path("weeks").get(1).path("count").asInt()),
                () -> assertEquals(history.assignmentId.toString(), mine.path("assignmentId").asText()),
                () -> assertEquals(2, mine.path("skipped").asInt()),
                () -> assertEquals(1, mine.path("partial").asInt()),
                () -> assertEquals(2, obstacles.path("assignments").size()));

        JsonNode ofSecond = Json.of(clinic.clinician().queryParam("from", HomeworkHistory.monday(3).toString())
                .get("/v1/assignments/{id}/compliance", second)).path("obstacles");
        assertAll(
                () -> assertEquals(2, ofSecond.path("skipped").asInt()),
                () -> assertEquals("too_difficult", ofSecond.path("overall").get(0).path("obstacle").asText()),
                () -> assertEquals(1, ofSecond.path("assignments").size()));
    }

    @Test
    void shouldCountObstaclesAtTheRangesEdgesInTheWeekOfTheClientsZone() {
        TestClock.pin(NOW);
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 4, Map.of("timeZone", "Europe/Berlin"));
        LocalDate first = HomeworkHistory.monday(3);
        LocalDate last = HomeworkHistory.monday(2).plusDays(6);
        // Half an hour either side of each edge of the range, in Berlin; in UTC all four fall on a Sunday.
        logAt(clinic, history, first.minusDays(1).atTime(23, 30), "skipped", List.of("forgot"));
        logAt(clinic, history, first.atTime(0, 30), "partial", List.of("no_time", "symptoms_interfered"));
        logAt(clinic, history, last.atTime(23, 30), "skipped", List.of("too_difficult", "no_time"));
        logAt(clinic, history, last.plusDays(1).atTime(0, 30), "skipped", List.of("forgot"));

        JsonNode obstacles = Json.of(clinic.clinician().queryParam("from", first.toString())
                .queryParam("to", last.toString())
                .get("/v1/clients/{id}/compliance", history.clientId)).path("obstacles");

        List<String> overall = new ArrayList<>();
        obstacles.path("overall").forEach(count -> overall.add(count.path("obstacle").asText()));
        JsonNode noTime = obstacles.path("overall").get(0);
        assertAll(
                () -> assertEquals(1, obstacles.path("skipped").asInt()),
                () -> assertEquals(1, obstacles.path("partial").asInt()),
                () -> assertEquals(0, obstacles.path("withoutObstacle").asInt()),
                () -> assertEquals(List.of("no_time", "symptoms_interfered", "too_difficult"), overall),
                () -> assertEquals(2, noTime.path("count").asInt()),
                () -> assertEquals(first.toString(), noTime.path("weeks").get(0).path("weekStart").asText()),
                () -> assertEquals(HomeworkHistory.monday(2).toString(),
                        noTime.path("weeks").get(1).path("weekStart").asText()),
                () -> assertEquals(1, obstacles.path("assignments").size()));
    }

    private static void logAt(TestClinic clinic, HomeworkHistory history, LocalDateTime inBerlin, String outcome,
            List<String> obstacles) {
        Map<String, Object> body = Map.of("occurredAt", RFC_3339.format(inBerlin.atZone(HomeworkHistory.ZONE)),
                "outcome", outcome, "obstacles", obstacles);
        clinic.client(history.clientId).body(body).post("/v1/assignments/{id}/attempts", history.assignmentId)
                .then().statusCode(201);
    }

    /** Logs an attempt on Wednesday evening of the week {@code weeksAgo} weeks before this one. */
    static void log(TestClinic clinic, UUID clientId, UUID assignmentId, int weeksAgo, String outcome,
            List<String> obstacles) {
        log(clinic, clientId, assignmentId, weeksAgo, outcome, obstacles, null);
    }

    static void log(TestClinic clinic, UUID clientId, UUID assignmentId, int weeksAgo, String outcome,
            List<String> obstacles, String note) {
        ZonedDateTime when = HomeworkHistory.monday(weeksAgo).with(DayOfWeek.WEDNESDAY).atTime(LocalTime.of(19, 0))
                .atZone(HomeworkHistory.ZONE);
        Map<String, Object> body = new HashMap<>(Map.of("occurredAt", RFC_3339.format(when), "outcome", outcome));
        if (!obstacles.isEmpty()) {
            body.put("obstacles", obstacles);
        }
        if (note != null) {
            body.put("note", note);
        }
        clinic.client(clientId).body(body).post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
    }

    static LocalDate monday(int weeksAgo) {
        return HomeworkHistory.monday(weeksAgo);
    }
}
