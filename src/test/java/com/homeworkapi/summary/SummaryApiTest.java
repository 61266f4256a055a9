package com.homeworkapi.summary;

import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.Html;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session summary page through the API: what a therapist reads before a session, and nothing that runs. */
@QuarkusTest
class SummaryApiTest {

    static final Instant NOW = Instant.parse("2026-06-24T08:00:00Z");
    static final String NAME = "<script>window.owned=1</script><b>Alex</b> & \"Sam\"";
    static final String TITLE = "Ride the bus <img src=x onerror=\"window.owned=2\">";
    static final String NOTE = "Too tired </q><script>window.owned=3</script>";
    static final String OBSTACLES_NOTE = "<style>body{display:none}</style>Night shifts";
    static final String CHANGES = "<a href=\"https://example.org\">Practise</a> before work";
    static final String ITEM_NOTE = "<iframe src=\"https://example.org\"></iframe>Good effort";
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @AfterEach
    void releaseClock() {
        TestClock.release();
    }

    /** A client whose every stored text holds markup, with a slip, PHQ-9 gains partly kept, obstacles and a review. */
    static UUID storedMarkup(TestClinic clinic) {
        TestClock.pin(NOW);
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin", "displayName", NAME));
        UUID assignmentId = UUID.fromString(Json.path(clinic.clinician()
                .body(Map.of("title", TITLE, "kind", "exposure", "schedule", Map.of("type", "times_per_week",
                        "timesPerWeek", 3, "startDate", HomeworkHistory.monday(10).toString())))
                .post("/v1/clients/{id}/assignments", clientId).then().statusCode(201).extract(), "id"));
        for (int week = 10; week >= 2; week--) {
            for (int day = 0; day < 3; day++) {
                log(clinic, clientId, assignmentId, week, day, "completed", List.of(), null);
            }
        }
        log(clinic, clientId, assignmentId, 1, 1, "skipped", List.of("no_time"), NOTE);
        log(clinic, clientId, assignmentId, 1, 2, "partial", List.of("no_time", "symptoms_interfered"), null);
        measure(clinic, clientId, 20, 10);
        measure(clinic, clientId, 7, 5);
        measure(clinic, clientId, 13, 1);
        Map<String, Object> review = new HashMap<>();
        review.put("weekStart", HomeworkHistory.monday(1).toString());
        review.put("obstacles", List.of("no_time"));
        review.put("obstaclesNote", OBSTACLES_NOTE);
        review.put("nextWeekChanges", CHANGES);
        review.put("assignments", List.of(Map.of("assignmentId", assignmentId.toString(), "quality", 2,
                "note", ITEM_NOTE)));
        clinic.clinician().body(review).post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);
        return clientId;
    }

    @Test
    void shouldShowEveryStoredTextAsTextAndHoldNoScript() {
        TestClinic clinic = new TestClinic();
        UUID clientId = storedMarkup(clinic);

        Response response = clinic.clinician().get("/v1/clients/{id}/summary", clientId);

        response.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
        String text = response.asString();
        Html page = Html.of(text);
        String body = page.text("/html/body");
        assertAll(
                () -> assertTrue(page.elements("script").isEmpty(), "no script element"),
                () -> assertTrue(page.elements("img").isEmpty() && page.elements("iframe").isEmpty()
                        && page.elements("a").isEmpty(), "no stored element became one"),
                () -> assertEquals(1, page.elements("style").size(), "only the page's own style"),
                () -> assertTrue(page.all("//@*[starts-with(local-name(), 'on')]/..").isEmpty(), "no handlers"),
                () -> assertEquals(NAME, page.text("/html/body/main/header/h1")),
                () -> assertEquals("Session summary: " + NAME, page.text("/html/head/title")),
                () -> assertTrue(body.contains(TITLE), "title shown as text"),
                () -> assertTrue(body.contains(NOTE), "note shown as text"),
                () -> assertTrue(body.contains(OBSTACLES_NOTE), "obstacle text shown as text"),
                () -> assertTrue(body.contains(CHANGES), "agreed changes shown as text"),
                () -> assertTrue(body.contains(ITEM_NOTE), "review note shown as text"),
                () -> assertFalse(text.contains("<script>window"), "escaped in the bytes too"));
    }

    @Test
    void shouldSayStatusProgressRetainedObstaclesAndEachActiveAssignmentsWeeks() {
        TestClinic clinic = new TestClinic();
        UUID clientId = storedMarkup(clinic);

        Html page = Html.of(clinic.clinician().get("/v1/clients/{id}/summary", clientId).then().statusCode(200)
                .extract().response());

        assertAll(
                () -> assertEquals("slip", page.attribute("//section[@class='status']", "data-status")),
                () -> assertTrue(page.text("//section[@class='status']/p[@class='evidence']")
                        .contains("setback_run_below_at_risk_weeks")),
                () -> assertEquals("Still 7 of the 13 points of PHQ-9 improvement (54% held): baseline 20, best 7 on "
                        + HomeworkHistory.monday(5) + ", latest 13 on " + HomeworkHistory.monday(1)
                        + ", at or past the clinical threshold 10.",
                        page.text("//section[@class='progress']//li[@data-instrument='phq9']")),
                () -> assertTrue(page.text("//section[@class='practice']").contains("1 assignment in")),
                () -> assertTrue(page.text("//li[@data-obstacle='no_time']").startsWith("no time: 2 times, most in "
                        + "2026-W25 (2)"), page.text("//li[@data-obstacle='no_time']")),
                () -> assertEquals(2, page.all("//li[@data-obstacle]").size()),
                () -> assertEquals(1, page.all("//section[@class='assignments']/div[@class='assignment']").size()),
                () -> assertEquals(List.of("3/3", "0.5/3"), page.all("//div[@class='assignment']//td").stream()
                        .skip(8).limit(2).map(cell -> cell.getTextContent()).toList(), "2026-W24 and W25"),
                () -> assertEquals(11, page.all("//svg//rect[@class='bar']").size(), "the chart, a bar per week"));
    }

    @Test
    void shouldLetTheClientReadItsOwnPageOnlyAndRecordEachRead() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClient = clinic.createClient();
        String requestId = "summary-" + UUID.randomUUID();

        clinic.client(clientId).header("X-Request-Id", requestId).get("/v1/clients/{id}/summary", clientId).then()
                .statusCode(200).contentType(startsWith("text/html"));
        assertProblem(clinic.client(otherClient).get("/v1/clients/{id}/summary", clientId), 404);
        assertProblem(new TestClinic().clinician().get("/v1/clients/{id}/summary", clientId), 404);
        assertProblem(clinic.clinicianSendingBadInput().accept("application/json")
                .get("/v1/clients/{id}/summary", clientId), 406);

        Map<String, String> event = AuditRows.onlyEventOf(requestId);
        assertAll(
                () -> assertEquals("getClientSummary", event.get("operation")),
                () -> assertEquals(clientId.toString(), event.get("client_id")),
                () -> assertEquals("200", event.get("status")));
    }

    @Test
    void shouldShowAClientWithoutHomeworkOrMeasurementsWithoutFailing() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        Html page = Html.of(clinic.clinician().get("/v1/clients/{id}/summary", clientId).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).extract().response());

        assertAll(
                () -> assertEquals("Client", page.text("/html/body/main/header/h1")),
                () -> assertEquals("No symptom measurements yet.", page.text("//section[@class='progress']/p")),
                () -> assertEquals("None.", page.text("//section[@class='assignments']/p")));
    }

    static void log(TestClinic clinic, UUID clientId, UUID assignmentId, int weeksAgo, int day, String outcome,
            List<String> obstacles, String note) {
        ZonedDateTime when = HomeworkHistory.monday(weeksAgo).with(DayOfWeek.TUESDAY).plusDays(day)
                .atTime(LocalTime.of(19, 0)).atZone(HomeworkHistory.ZONE);
        Map<String, Object> body = new HashMap<>(Map.of("occurredAt", RFC_3339.format(when), "outcome", outcome));
        if (!obstacles.isEmpty()) {
            body.put("obstacles", obstacles);
        }
        if (note != null) {
            body.put("note", note);
        }
        clinic.client(clientId).body(body).post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
    }

    static void measure(TestClinic clinic, UUID clientId, int score, int weeksAgo) {
        clinic.clinician().body(Map.of("instrument", "phq9", "score", score, "measuredOn",
                HomeworkHistory.monday(weeksAgo).toString())).post("/v1/clients/{id}/measurements", clientId).then()
                .statusCode(201);
    }
}
