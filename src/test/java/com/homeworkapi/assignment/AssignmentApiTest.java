package com.homeworkapi.assignment;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentApiTest {

    private static Map<String, Object> assignment(Map<String, Object> schedule, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Touch the bin lid, then eat lunch");
        body.put("instructions", "Stay with the urge to wash for 20 minutes.");
        body.put("kind", "exposure");
        body.put("difficulty", 60);
        body.put("schedule", schedule);
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    private static Map<String, Object> threeTimesAWeek() {
        return Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-03-02");
    }

    @Test
    void shouldCreateAssignmentLinkedToTheClientsGoals() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        Map<String, Object> body = assignment(threeTimesAWeek(), null);
        body.put("goalIds", List.of(goalId));

        String id = Json.path(clinic.clinician().body(body).post("/v1/clients/{clientId}/assignments", clientId).then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("goalIds", contains(goalId.toString())))
                .body(at("status", equalTo("active")))
                .body(at("revision", equalTo(1)))
                .body(at("effectiveDate", equalTo("2026-03-02")))
                .body(at("schedule.type", equalTo("times_per_week")))
                .body(at("schedule.timesPerWeek", equalTo(3)))
                .extract(), "id");
        clinic.client(clientId).get("/v1/assignments/{id}", id).then().statusCode(200)
                .body(at("difficulty", equalTo(60)));
    }

    @Test
    void shouldRejectGoalOfAnotherClient() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID othersGoal = clinic.createGoal(clinic.createClient());
        Map<String, Object> body = assignment(threeTimesAWeek(), null);
        body.put("goalIds", List.of(othersGoal));

        clinic.clinician().body(body).post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("goalIds")));
        clinic.clinician().get("/v1/clients/{clientId}/assignments", clientId).then().body(at("items", hasSize(0)));
    }

    @Test
    void shouldRequireEachScheduleTypesOwnField() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Map<Map<String, Object>, String> invalid = Map.of(
                Map.of("type", "times_per_week"), "schedule.timesPerWeek",
                Map.of("type", "days_of_week"), "schedule.daysOfWeek",
                Map.of("type", "once"), "schedule.dueDate",
                Map.of("type", "daily", "timesPerWeek", 2), "schedule.type",
                Map.of("type", "days_of_week", "daysOfWeek", List.of("MON", "MON")), "schedule.daysOfWeek",
                Map.of("type", "daily", "startDate", "2026-03-10", "endDate", "2026-03-09"), "schedule.endDate",
                Map.of("type", "once", "dueDate", "2026-03-01", "startDate", "2026-03-02"), "schedule.dueDate");
        invalid.forEach((schedule, field) -> clinic.clinicianSendingBadInput()
                .body(assignment(schedule, null)).post("/v1/clients/{clientId}/assignments", clientId)
                .then().statusCode(400).body(at("errors[0].field", equalTo(field))));
        clinic.clinician().get("/v1/clients/{clientId}/assignments", clientId).then().body(at("items", hasSize(0)));
    }

    @Test
    void shouldKeepDaysOfWeekInCalendarOrder() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinician()
                .body(assignment(Map.of("type", "days_of_week", "daysOfWeek", List.of("FRI", "MON", "WED")), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201)
                .body(at("schedule.daysOfWeek", contains("MON", "WED", "FRI")));
    }

    @Test
    void shouldKeepTheOldScheduleReadableAfterARevision() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String id = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201).extract(), "id");
        Map<String, Object> fiveTimes = assignment(
                Map.of("type", "times_per_week", "timesPerWeek", 5, "startDate", "2026-03-02"), "active");
        fiveTimes.put("effectiveDate", "2026-03-16");

        clinic.clinician().header("If-Match", "\"0\"").body(fiveTimes).put("/v1/assignments/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body(at("revision", equalTo(2)))
                .body(at("effectiveDate", equalTo("2026-03-16")))
                .body(at("schedule.timesPerWeek", equalTo(5)));

        clinic.client(clientId).get("/v1/assignments/{id}/revisions", id).then().statusCode(200)
                .body(at("items.revision", contains(1, 2)))
                .body(at("items.effectiveDate", contains("2026-03-02", "2026-03-16")))
                .body(at("items.schedule.timesPerWeek", contains(3, 5)));
    }

    @Test
    void shouldNotMakeARevisionWhenNothingChanged() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String id = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");

        clinic.clinician().header("If-Match", "\"0\"").body(assignment(threeTimesAWeek(), "active"))
                .put("/v1/assignments/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body(at("revision", equalTo(1)));
        clinic.clinician().get("/v1/assignments/{id}/revisions", id).then().body(at("items", hasSize(1)));
    }

    @Test
    void shouldRecordPauseAsARevisionAndFilterByStatus() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String paused = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");
        String active = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");

        clinic.clinician().header("If-Match", "\"0\"").body(assignment(threeTimesAWeek(), "paused"))
                .put("/v1/assignments/{id}", paused).then().statusCode(200).body(at("status", equalTo("paused")));

        clinic.clinician().queryParam("status", "paused").get("/v1/clients/{clientId}/assignments", clientId)
                .then().body(at("items.id", contains(paused)));
        clinic.clinician().queryParam("status", "active").get("/v1/clients/{clientId}/assignments", clientId)
                .then().body(at("items.id", contains(active)));
        clinic.clinician().get("/v1/assignments/{id}/revisions", paused).then()
                .body(at("items.status", contains("active", "paused")));
    }

    @Test
    void shouldRejectRevisionEffectiveBeforeTheCurrentOne() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String id = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");
        Map<String, Object> backdated = assignment(threeTimesAWeek(), "paused");
        backdated.put("effectiveDate", "2026-03-01");

        clinic.clinician().header("If-Match", "\"0\"").body(backdated).put("/v1/assignments/{id}", id).then()
                .statusCode(400).body(at("errors[0].field", equalTo("effectiveDate")));
        clinic.clinician().get("/v1/assignments/{id}", id).then().body(at("status", equalTo("active")))
                .body(at("revision", equalTo(1)));
    }

    @Test
    void shouldLetOnlyOneOfSeveralConcurrentRevisionsWinAndAnswerTheOthers412() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String id = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int times = 1; times <= writers; times++) {
                Map<String, Object> body = assignment(
                        Map.of("type", "times_per_week", "timesPerWeek", times + 3, "startDate", "2026-03-02"), "active");
                statuses.add(pool.submit(() -> clinic.clinician().header("If-Match", "\"0\"").body(body)
                        .put("/v1/assignments/{id}", id).statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (var status : statuses) {
                answered.add(status.get());
            }
            assertEquals(1, answered.stream().filter(code -> code == 200).count(),
                    answered.toString());
            assertTrue(answered.stream().allMatch(code -> code == 200 || code == 412),
                    answered.toString());
        } finally {
            pool.shutdownNow();
        }
        clinic.clinician().get("/v1/assignments/{id}/revisions", id).then().body(at("items", hasSize(2)));
    }

    @Test
    void shouldNotReopenACancelledAssignment() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String id = Json.path(clinic.clinician().body(assignment(threeTimesAWeek(), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().extract(), "id");
        clinic.clinician().header("If-Match", "\"0\"").body(assignment(threeTimesAWeek(), "cancelled"))
                .put("/v1/assignments/{id}", id).then().statusCode(200);

        clinic.clinician().header("If-Match", "\"1\"").body(assignment(threeTimesAWeek(), "active"))
                .put("/v1/assignments/{id}", id).then().statusCode(409);
        clinic.clinician().get("/v1/assignments/{id}", id).then().body(at("status", equalTo("cancelled")));
    }

    @Test
    void shouldRejectEndedStatusOnANewAssignmentAndEffectiveDateOnCreate() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinicianSendingBadInput().body(assignment(threeTimesAWeek(), "completed"))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("status")));
        Map<String, Object> withEffectiveDate = assignment(threeTimesAWeek(), null);
        withEffectiveDate.put("effectiveDate", "2026-03-09");
        clinic.clinicianSendingBadInput().body(withEffectiveDate).post("/v1/clients/{clientId}/assignments", clientId).then()
                .statusCode(400).body(at("errors[0].field", equalTo("effectiveDate")));
    }

    @Test
    void shouldStartAOnceAssignmentNoLaterThanItsDueDate() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinician().body(assignment(Map.of("type", "once", "dueDate", "2026-01-15"), null))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201)
                .body(at("schedule.startDate", equalTo("2026-01-15")))
                .body(at("schedule.timesPerWeek", nullValue()));
    }
}
