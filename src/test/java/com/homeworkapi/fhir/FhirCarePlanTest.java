package com.homeworkapi.fhir;

import static com.homeworkapi.fhir.FhirObservationTest.created;
import static com.homeworkapi.support.FhirValidation.assertValid;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client's homework as a CarePlan with its Goals, and goals as Goals with scoring's achievementStatus. */
@QuarkusTest
class FhirCarePlanTest {

    @Test
    void shouldReadTheHomeworkAsOneCarePlanWithEachAssignmentAnActivityAndItsScheduleAsTiming() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        UUID exposure = created(clinic, "/v1/clients/" + clientId + "/assignments", Map.of(
                "title", "Ride the bus two stops", "kind", "exposure", "difficulty", 40,
                "goalIds", List.of(goalId.toString()), "instructions", "Stay on until the anxiety halves.",
                "schedule", Map.of("type", "days_of_week", "daysOfWeek", List.of("MON", "THU"),
                        "startDate", "2026-01-05", "endDate", "2026-03-29")));
        UUID record = created(clinic, "/v1/clients/" + clientId + "/assignments", Map.of(
                "title", "Thought record", "kind", "thought_record", "status", "paused",
                "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-12")));

        Response response = clinic.integration().accept("application/fhir+json").get("/fhir/R4/CarePlan/{id}", clientId);

        response.then().statusCode(200);
        JsonNode plan = assertValid(response, "CarePlan");
        JsonNode first = activityOf(plan, exposure);
        JsonNode second = activityOf(plan, record);
        assertAll(
                () -> assertEquals(clientId.toString(), plan.path("id").asText()),
                () -> assertEquals("active", plan.path("status").asText()),
                () -> assertEquals("plan", plan.path("intent").asText()),
                () -> assertEquals("Patient/" + clientId, plan.at("/subject/reference").asText()),
                () -> assertEquals("Goal/" + goalId, plan.at("/goal/0/reference").asText()),
                () -> assertEquals("in-progress", first.path("status").asText()),
                () -> assertEquals("exposure", first.at("/code/coding/0/code").asText()),
                () -> assertEquals("Ride the bus two stops", first.at("/code/text").asText()),
                () -> assertEquals("Goal/" + goalId, first.at("/goal/0/reference").asText()),
                () -> assertEquals(40, extension(first, "difficulty").path("valueInteger").asInt()),
                () -> assertEquals(1, extension(first, "revision").path("valueInteger").asInt()),
                () -> assertEquals(List.of("mon", "thu"), texts(first.at("/scheduledTiming/repeat/dayOfWeek"))),
                () -> assertEquals("2026-01-05", first.at("/scheduledTiming/repeat/boundsPeriod/start").asText()),
                () -> assertEquals("2026-03-29", first.at("/scheduledTiming/repeat/boundsPeriod/end").asText()),
                () -> assertEquals("on-hold", second.path("status").asText()),
                () -> assertEquals(3, second.at("/scheduledTiming/repeat/frequency").asInt()),
                () -> assertEquals(1, second.at("/scheduledTiming/repeat/period").asInt()),
                () -> assertEquals("wk", second.at("/scheduledTiming/repeat/periodUnit").asText()));
    }

    @Test
    void shouldIncludeThePlansGoalsWhenAskedAndOnlyThen() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        clinic.createAssignment(clientId);

        Response with = clinic.clinician().accept("application/fhir+json").queryParam("patient", "Patient/" + clientId)
                .queryParam("_include", "CarePlan:goal").get("/fhir/R4/CarePlan");
        Response without = clinic.clinician().accept("application/fhir+json").queryParam("patient", clientId.toString())
                .get("/fhir/R4/CarePlan");

        JsonNode included = assertValid(with, "Bundle");
        assertEquals(2, included.path("entry").size(), "plan and goal: " + included);
        assertEquals("CarePlan", included.at("/entry/0/resource/resourceType").asText());
        assertEquals("match", included.at("/entry/0/search/mode").asText());
        assertEquals("Goal", included.at("/entry/1/resource/resourceType").asText());
        assertEquals(goalId.toString(), included.at("/entry/1/resource/id").asText());
        assertEquals("include", included.at("/entry/1/search/mode").asText());
        assertEquals(1, assertValid(without, "Bundle").path("entry").size());

        Response otherInclude = clinic.sendingBadInput("clinician").accept("application/fhir+json")
                .queryParam("patient", clientId.toString()).queryParam("_include", "CarePlan:subject")
                .get("/fhir/R4/CarePlan");
        FhirOperationsTest.assertOutcome(otherInclude, 400, "invalid");
    }

    @Test
    void shouldServeAGoalWithItsTargetAndScoringsAchievementStatus() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = created(clinic, "/v1/clients/" + clientId + "/goals", Map.of("title", "Feel less low",
                "description", "Back to choir practice.", "startDate", "2026-01-05",
                "target", Map.of("instrument", "phq9", "value", 9, "dueDate", "2026-04-30")));
        created(clinic, "/v1/clients/" + clientId + "/measurements",
                Map.of("instrument", "phq9", "score", 8, "measuredOn", "2026-01-20"));

        Response response = clinic.client(clientId).accept("application/fhir+json").get("/fhir/R4/Goal/{id}", goalId);

        response.then().statusCode(200).header("ETag", "W/\"" + versionOf(response) + "\"");
        JsonNode goal = assertValid(response, "Goal");
        assertAll(
                () -> assertEquals("active", goal.path("lifecycleStatus").asText()),
                () -> assertEquals("Feel less low", goal.at("/description/text").asText()),
                () -> assertEquals("Patient/" + clientId, goal.at("/subject/reference").asText()),
                () -> assertEquals("2026-01-05", goal.path("startDate").asText()),
                () -> assertEquals("http://terminology.hl7.org/CodeSystem/goal-achievement",
                        goal.at("/achievementStatus/coding/0/system").asText()),
                () -> assertEquals("achieved", goal.at("/achievementStatus/coding/0/code").asText()),
                () -> assertEquals("http://loinc.org", goal.at("/target/0/measure/coding/0/system").asText()),
                () -> assertEquals("44261-6", goal.at("/target/0/measure/coding/0/code").asText()),
                () -> assertEquals(9, goal.at("/target/0/detailQuantity/value").asInt()),
                () -> assertEquals("2026-04-30", goal.at("/target/0/dueDate").asText()),
                () -> assertEquals("Back to choir practice.", goal.at("/note/0/text").asText()));
    }

    @Test
    void shouldSearchGoalsByLifecycleStatusAndLastUpdated() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID active;
        UUID onHold;
        UUID proposed;
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-02T10:00:00Z"))) {
            active = created(clinic, "/v1/clients/" + clientId + "/goals", Map.of("title", "Ride the bus"));
        }
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-09T10:00:00Z"))) {
            onHold = created(clinic, "/v1/clients/" + clientId + "/goals",
                    Map.of("title", "Eat out", "status", "on_hold"));
            proposed = created(clinic, "/v1/clients/" + clientId + "/goals",
                    Map.of("title", "Fly", "status", "proposed"));
        }

        assertEquals(Set.of(onHold.toString()), search(clinic, "Goal", clientId, Map.of("lifecycle-status",
                List.of("on-hold"))));
        assertEquals(Set.of(active.toString(), proposed.toString()), search(clinic, "Goal", clientId,
                Map.of("lifecycle-status", List.of("active,http://hl7.org/fhir/goal-status|proposed"))));
        for (String none : List.of("completed", "planned", "on_hold", "http://example.org|active")) {
            assertEquals(Set.of(), search(clinic, "Goal", clientId, Map.of("lifecycle-status", List.of(none))), none);
        }
        assertEquals(Set.of(active.toString()), search(clinic, "Goal", clientId,
                Map.of("_lastUpdated", List.of("lt2026-03-05"))));
        assertEquals(Set.of(proposed.toString()), search(clinic, "Goal", clientId,
                Map.of("_lastUpdated", List.of("ge2026-03-05"), "lifecycle-status", List.of("proposed"))));
        for (Map<String, String> bad : List.of(Map.of("lifecycle-status", "|"), Map.of("lifecycle-status", "active,"),
                Map.of("_lastUpdated", "2026-03"))) {
            Response response = clinic.sendingBadInput("integration").accept("application/fhir+json")
                    .queryParam("patient", clientId.toString()).queryParams(bad).get("/fhir/R4/Goal");
            FhirOperationsTest.assertOutcome(response, 400, "invalid");
        }
    }

    @Test
    void shouldSearchTheCarePlanByStatusAndLastUpdatedAndIncludeNoGoalsWhenItDoesNotMatch() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.createGoal(clientId);
        UUID empty = clinic.createClient();
        clinic.createAssignment(clientId);
        String yesterday = "ge" + LocalDate.now(ZoneOffset.UTC).minusDays(1);

        assertEquals(Set.of(clientId.toString()), search(clinic, "CarePlan", clientId, Map.of("status",
                List.of("active"), "_lastUpdated", List.of(yesterday))));
        assertEquals(Set.of(clientId.toString()), search(clinic, "CarePlan", clientId, Map.of("status",
                List.of("draft,http://hl7.org/fhir/request-status|active"))));
        Response withGoals = clinic.integration().accept("application/fhir+json").queryParam("patient", clientId.toString())
                .queryParam("status", "completed").queryParam("_include", "CarePlan:goal").get("/fhir/R4/CarePlan");
        assertEquals(0, assertValid(withGoals, "Bundle").path("entry").size(), "no plan, so no goals");
        assertEquals(Set.of(), search(clinic, "CarePlan", clientId, Map.of("_lastUpdated", List.of("lt2026-01-01"))));
        assertEquals(Set.of(empty.toString()), search(clinic, "CarePlan", empty, Map.of("status", List.of("draft"))));
        assertEquals(Set.of(), search(clinic, "CarePlan", empty, Map.of("_lastUpdated", List.of("ge2000-01-01"))));
        for (Map<String, String> bad : List.of(Map.of("status", "a|b|c"), Map.of("status", ","),
                Map.of("_lastUpdated", "yesterday"))) {
            Response response = clinic.sendingBadInput("integration").accept("application/fhir+json")
                    .queryParam("patient", clientId.toString()).queryParams(bad).get("/fhir/R4/CarePlan");
            FhirOperationsTest.assertOutcome(response, 400, "invalid");
        }
    }

    /** The ids a search of the patient's resources of this type matches, each value of a list repeated. */
    private static Set<String> search(TestClinic clinic, String type, UUID clientId, Map<String, List<String>> query) {
        var request = clinic.integration().accept("application/fhir+json").queryParam("patient", clientId.toString());
        query.forEach((name, values) -> request.queryParam(name, values));
        Response response = request.get("/fhir/R4/" + type);
        assertEquals(200, response.statusCode(), query + ": " + response.asString());
        JsonNode bundle = assertValid(response, "Bundle");
        Set<String> ids = new HashSet<>();
        bundle.path("entry").forEach(entry -> {
            assertEquals(type, entry.at("/resource/resourceType").asText());
            ids.add(entry.at("/resource/id").asText());
        });
        return ids;
    }

    private static String versionOf(Response response) {
        return FhirObservationTest.meta(response, "versionId");
    }

    private static JsonNode activityOf(JsonNode plan, UUID assignmentId) {
        for (JsonNode activity : plan.path("activity")) {
            JsonNode detail = activity.path("detail");
            if (assignmentId.toString().equals(extension(detail, "assignment").path("valueString").asText())) {
                return detail;
            }
        }
        throw new AssertionError("no activity for " + assignmentId + " in " + plan);
    }

    private static JsonNode extension(JsonNode element, String name) {
        for (JsonNode extension : element.path("extension")) {
            if (extension.path("url").asText().endsWith("/StructureDefinition/" + name)) {
                return extension;
            }
        }
        throw new AssertionError("no extension " + name + " in " + element);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        assertTrue(!texts.isEmpty(), "empty array");
        return texts;
    }
}
