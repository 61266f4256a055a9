package com.homeworkapi.compliance;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clinical stories told through the API: what a therapist and a client app would read. */
@QuarkusTest
class ComplianceApiTest {

    private static final Map<String, Object> BERLIN = Map.of("timeZone", "Europe/Berlin");

    @Test
    void nineGoodWeeksThenAMissedWeekIsASlipWithItsEvidence() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 10, BERLIN).completedEveryWeek(10, 2);

        JsonPath compliance = clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId).then()
                .statusCode(200)
                .body(at("timeZone", equalTo("Europe/Berlin")))
                .body(at("computedAt", notNullValue()))
                .body(at("status.code", equalTo("slip")))
                .body(at("status.fhirAchievementStatus", equalTo("worsening")))
                .body(at("status.setbackWeeks", equalTo(1)))
                .body(at("status.evidence.rule", equalTo("setback_run_below_at_risk_weeks")))
                .body(at("status.evidence.weeks.weekStart", contains(HomeworkHistory.monday(1).toString())))
                .body(at("status.evidence.thresholds.relapseWeeks", equalTo(4.0f)))
                .extract().jsonPath();
        List<Map<String, Object>> weeks = compliance.getList("weeks");
        Map<String, Object> missed = weeks.get(weeks.size() - 2);
        Map<String, Object> current = weeks.get(weeks.size() - 1);
        assertAll(
                () -> assertEquals(11, weeks.size()),
                () -> assertEquals(0.0f, ((Number) missed.get("compliance")).floatValue()),
                () -> assertEquals("low", missed.get("band")),
                () -> assertEquals(true, missed.get("setback")),
                () -> assertEquals("in_progress", current.get("state")),
                () -> assertEquals(false, current.get("setback")));
    }

    @Test
    void fourMissedWeeksInARowIsARelapse() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 6, BERLIN).completedEveryWeek(6, 5);

        clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId).then().statusCode(200)
                .body(at("status.code", equalTo("relapse")))
                .body(at("status.setbackWeeks", equalTo(4)))
                .body(at("status.evidence.rule", equalTo("setback_run_reaches_relapse_weeks")))
                .body(at("status.evidence.weeks", hasSize(4)));
    }

    @Test
    void lowWeeksBeforeEngagementAreNotSlips() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 3, BERLIN).completed(2, 1);

        clinic.client(history.clientId).get("/v1/clients/{id}/compliance", history.clientId).then().statusCode(200)
                .body(at("status.code", equalTo("not_established")))
                .body(at("status.engaged", equalTo(false)));
    }

    @Test
    void anAttemptSyncedLateCountsInTheWeekItOccurredAndEndsTheSlip() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 4, BERLIN).completedEveryWeek(4, 2);
        clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId).then()
                .body(at("status.code", equalTo("slip")));

        history.completed(1, 3);

        clinic.clinician().queryParam("from", HomeworkHistory.monday(1).toString())
                .queryParam("to", HomeworkHistory.monday(1).plusDays(6).toString())
                .get("/v1/clients/{id}/compliance", history.clientId).then().statusCode(200)
                .body(at("status.code", equalTo("on_track")))
                .body(at("weeks", hasSize(1)))
                .body(at("weeks[0].compliance", equalTo(1.0f)))
                .body(at("weeks[0].band", equalTo("met")));
    }

    @Test
    void extraPracticeIsReportedApartAndComplianceNeverExceedsOne() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 1, BERLIN).completed(1, 5);

        clinic.clinician().queryParam("to", HomeworkHistory.monday(1).plusDays(6).toString())
                .get("/v1/clients/{id}/compliance", history.clientId).then().statusCode(200)
                .body(at("weeks[0].compliance", equalTo(1.0f)))
                .body(at("weeks[0].credit", equalTo(3.0f)))
                .body(at("weeks[0].extraPractice", equalTo(2.0f)))
                .body(at("weeks[0].assignments[0].assignmentId", equalTo(history.assignmentId.toString())));
    }

    @Test
    void oneAssignmentHasItsOwnComplianceAndStatus() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 3, BERLIN).completedEveryWeek(3, 1);

        clinic.client(history.clientId).get("/v1/assignments/{id}/compliance", history.assignmentId).then()
                .statusCode(200)
                .body(at("assignmentId", equalTo(history.assignmentId.toString())))
                .body(at("clientId", equalTo(history.clientId.toString())))
                .body(at("weeks", hasSize(4)))
                .body(at("weeks[0].compliance", equalTo(1.0f)))
                .body(at("status.code", equalTo("on_track")));
    }

    @Test
    void progressShowsTheShareOfGainsStillHeldAndASentenceForTheClient() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 10, BERLIN).completedEveryWeek(10, 1);
        measure(clinic, history.clientId, 18, HomeworkHistory.monday(10));
        measure(clinic, history.clientId, 8, HomeworkHistory.monday(5));
        measure(clinic, history.clientId, 10, HomeworkHistory.monday(1));

        clinic.client(history.clientId).get("/v1/clients/{id}/progress", history.clientId).then().statusCode(200)
                .body(at("instruments", hasSize(1)))
                .body(at("instruments[0].instrument", equalTo("phq9")))
                .body(at("instruments[0].baseline.score", equalTo(18.0f)))
                .body(at("instruments[0].best.score", equalTo(8.0f)))
                .body(at("instruments[0].latest.score", equalTo(10.0f)))
                .body(at("instruments[0].reliableImprovement", equalTo(true)))
                .body(at("instruments[0].progressRetained", equalTo(0.8f)))
                .body(at("practice.current.count", equalTo(1)))
                .body(at("summary", not(equalTo(""))));
    }

    @Test
    void goalsCarryTheirFhirAchievementStatusWithEvidence() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 10, BERLIN).completedEveryWeek(10, 2);
        UUID active = clinic.createGoal(history.clientId);
        String proposed = Json.path(clinic.clinician().body(Map.of("title", "Travel by train", "status", "proposed"))
                .post("/v1/clients/{id}/goals", history.clientId).then().statusCode(201).extract(), "id");
        String targetMet = Json.path(clinic.clinician().body(Map.of("title", "Y-BOCS in remission",
                "target", Map.of("instrument", "ybocs", "value", 12)))
                .post("/v1/clients/{id}/goals", history.clientId).then().statusCode(201).extract(), "id");
        measure(clinic, history.clientId, "ybocs", 26, HomeworkHistory.monday(9));
        measure(clinic, history.clientId, "ybocs", 11, HomeworkHistory.monday(2));

        clinic.client(history.clientId).get("/v1/goals/{id}", active).then().statusCode(200)
                .body(at("achievementStatus.code", equalTo("worsening")))
                .body(at("achievementStatus.clientStatus", equalTo("slip")))
                .body(at("achievementStatus.rule", equalTo("client_status")))
                .body(at("achievementStatus.evidence.rule", notNullValue()));
        clinic.clinician().get("/v1/goals/{id}", proposed).then().body(at("achievementStatus", nullValue()));
        clinic.clinician().get("/v1/goals/{id}", targetMet).then()
                .body(at("achievementStatus.code", equalTo("achieved")))
                .body(at("achievementStatus.rule", equalTo("goal_target_met")))
                .body(at("achievementStatus.evidence.scores[0].score", equalTo(11.0f)));
    }

    @Test
    void aClinicsOwnThresholdsChangeTheBandsOfLaterComputations() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 3, BERLIN);
        for (int week = 3; week >= 1; week--) {
            history.completed(week, 2);
        }
        clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId).then()
                .body(at("weeks[0].band", equalTo("adequate")))
                .body(at("status.code", equalTo("on_track")));

        clinic.admin().header("If-Match", "\"0\"").body(Map.of(
                "compliance", Map.of("met", 0.9, "adequate", 0.7),
                "weeks", Map.of("engagement", 2, "atRisk", 2, "relapse", 4, "recovering", 2),
                "symptomRelapse", Map.of("measurements", 2, "spanDays", 28),
                "instruments", List.of())).put("/v1/clinic/settings").then().statusCode(200);

        clinic.clinician().get("/v1/clients/{id}/compliance", history.clientId).then()
                .body(at("thresholds.adequate", equalTo(0.7f)))
                .body(at("weeks[0].band", equalTo("low")))
                .body(at("status.code", equalTo("not_established")));
    }

    @Test
    void aClientSeesOnlyItsOwnFiguresAndAnotherClinicNone() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 2, BERLIN).completedEveryWeek(2, 1);
        UUID otherClient = clinic.createClient();
        TestClinic otherClinic = new TestClinic();

        for (String path : List.of("/v1/clients/{id}/compliance", "/v1/clients/{id}/progress")) {
            clinic.client(otherClient).get(path, history.clientId).then().statusCode(404);
            otherClinic.clinician().get(path, history.clientId).then().statusCode(404);
            clinic.client(history.clientId).get(path, history.clientId).then().statusCode(200);
        }
        clinic.client(otherClient).get("/v1/assignments/{id}/compliance", history.assignmentId).then()
                .statusCode(404);
        otherClinic.clinician().get("/v1/assignments/{id}/compliance", history.assignmentId).then()
                .statusCode(404);
    }

    @Test
    void shouldRejectARangeThatEndsBeforeItStartsOrSpansMoreThanTwoYears() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinicianSendingBadInput().queryParam("from", "2026-03-09").queryParam("to", "2026-03-01")
                .get("/v1/clients/{id}/compliance", clientId).then().statusCode(400)
                .body(at("errors.field", hasItem("to")));
        clinic.clinicianSendingBadInput().queryParam("from", "2023-01-02").queryParam("to", "2026-03-01")
                .get("/v1/clients/{id}/compliance", clientId).then().statusCode(400)
                .body(at("errors.field", hasItem("from")));
        clinic.clinicianSendingBadInput().queryParam("from", "last tuesday")
                .get("/v1/clients/{id}/compliance", clientId).then().statusCode(400)
                .body(at("errors.field", everyItem(equalTo("from"))));
    }

    static void measure(TestClinic clinic, UUID clientId, double score, LocalDate on) {
        measure(clinic, clientId, "phq9", score, on);
    }

    static void measure(TestClinic clinic, UUID clientId, String instrument, double score, LocalDate on) {
        clinic.clinician().body(Map.of("instrument", instrument, "score", score, "measuredOn", on.toString()))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);
    }
}
