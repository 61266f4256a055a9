package com.homeworkapi.goal;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GoalApiTest {

    private static final Map<String, Object> GOAL = Map.of(
            "title", "Eat in a restaurant without checking the exits",
            "description", "Agreed in session 3",
            "status", "proposed",
            "startDate", "2026-03-02",
            "target", Map.of("description", "Y-BOCS at 12 or below", "instrument", "ybocs", "value", 12,
                    "dueDate", "2026-06-30"));

    @Test
    void shouldCreateGoalWithTargetAndReadItBack() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        String id = Json.path(clinic.clinician().body(GOAL).post("/v1/clients/{clientId}/goals", clientId).then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", org.hamcrest.Matchers.containsString("/v1/goals/")).extract(), "id");
        clinic.clinician().get("/v1/goals/{id}", id).then().statusCode(200)
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("status", equalTo("proposed")))
                .body(at("target.instrument", equalTo("ybocs")))
                .body(at("target.value", equalTo(12.0f)))
                .body(at("target.dueDate", equalTo("2026-06-30")));
    }

    @Test
    void shouldStartGoalsActiveWhenNoStatusIsGiven() {
        TestClinic clinic = new TestClinic();
        UUID goalId = clinic.createGoal(clinic.createClient());
        clinic.clinician().get("/v1/goals/{id}", goalId).then().body(at("status", equalTo("active")))
                .body(at("target", nullValue()));
    }

    @Test
    void shouldListOnlyTheGoalsOfThatClientInCreationOrder() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID first = clinic.createGoal(clientId);
        UUID second = clinic.createGoal(clientId);
        clinic.createGoal(clinic.createClient());

        clinic.clinician().get("/v1/clients/{clientId}/goals", clientId).then().statusCode(200)
                .body(at("items.id", contains(first.toString(), second.toString())));
        clinic.client(clientId).queryParam("limit", 1).get("/v1/clients/{clientId}/goals", clientId).then()
                .statusCode(200).body(at("items", hasSize(1))).body(at("nextCursor", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void shouldReplaceGoalOnlyWithCurrentETag() {
        TestClinic clinic = new TestClinic();
        UUID goalId = clinic.createGoal(clinic.createClient());
        Map<String, Object> completed = Map.of("title", "Ride the bus to work", "status", "completed");

        clinic.clinician().body(completed).put("/v1/goals/{id}", goalId).then().statusCode(428);
        clinic.clinician().header("If-Match", "\"7\"").body(completed).put("/v1/goals/{id}", goalId).then()
                .statusCode(412);
        clinic.clinician().get("/v1/goals/{id}", goalId).then().body(at("status", equalTo("active")));

        clinic.clinician().header("If-Match", "\"0\"").body(completed).put("/v1/goals/{id}", goalId).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body(at("status", equalTo("completed")));
    }

    @Test
    void shouldRequireStatusWhenGoalIsReplaced() {
        TestClinic clinic = new TestClinic();
        UUID goalId = clinic.createGoal(clinic.createClient());
        clinic.clinicianSendingBadInput().header("If-Match", "\"0\"").body(Map.of("title", "New title"))
                .put("/v1/goals/{id}", goalId).then().statusCode(400).body(at("errors[0].field", equalTo("status")));
    }
}
