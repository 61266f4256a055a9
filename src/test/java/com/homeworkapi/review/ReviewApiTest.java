package com.homeworkapi.review;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.Pages;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewApiTest {

    private static Map<String, Object> rating(UUID assignmentId, int quality) {
        return Map.of("assignmentId", assignmentId, "quality", quality);
    }

    private static Map<String, Object> review(String weekStart, List<Map<String, Object>> ratings) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekStart", weekStart);
        body.put("assignments", ratings);
        return body;
    }

    private static RequestSpecification sendingBadInput(TestClinic clinic) {
        return given().auth().oauth2(Tokens.staff(clinic.id, "clinician")).contentType(ContentType.JSON)
                .filter(Contract.RESPONSES_ONLY);
    }

    @Test
    void shouldStoreAWeeksReviewWithItsReviewerAndListItForStaffAndTheClient() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID exposure = clinic.createAssignment(clientId);
        UUID diary = clinic.createAssignment(clientId);
        Map<String, Object> body = review("2026-03-02", List.of(
                Map.of("assignmentId", exposure, "quality", 3, "note", "Stayed with the anxiety until it fell."),
                rating(diary, 1)));
        body.put("obstacles", List.of("no_time", "forgot", "no_time"));
        body.put("obstaclesNote", "Night shifts all week.");
        body.put("nextWeekChanges", "Diary on the bus home instead of at night.");
        String reviewer = Tokens.sign(Tokens.claims(clinic.id, "clinician", "dr-okafor"));

        Response created = TestClinic.as(reviewer).body(body).post("/v1/clients/{id}/reviews", clientId);
        created.then().statusCode(201)
                .body(at("id", notNullValue()))
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("weekStart", equalTo("2026-03-02")))
                .body(at("assignments.assignmentId", contains(exposure.toString(), diary.toString())))
                .body(at("assignments.quality", contains(3, 1)))
                .body(at("assignments[0].note", equalTo("Stayed with the anxiety until it fell.")))
                .body(at("obstacles", contains("forgot", "no_time")))
                .body(at("obstaclesNote", equalTo("Night shifts all week.")))
                .body(at("nextWeekChanges", equalTo("Diary on the bus home instead of at night.")))
                .body(at("reviewerId", equalTo("dr-okafor")))
                .body(at("createdAt", notNullValue()));

        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().statusCode(200)
                .body(at("items.id", contains(Json.path(created, "id").toString())))
                .body(at("items[0].assignments", hasSize(2)));
        clinic.client(clientId).get("/v1/clients/{id}/reviews", clientId).then().statusCode(200)
                .body(at("items[0].reviewerId", equalTo("dr-okafor")));
    }

    @Test
    void shouldKeepEveryReviewOfTheSameWeek() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.clinician().body(review("2026-03-02", List.of(rating(assignmentId, 2))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);
        clinic.integration().body(review("2026-03-02", List.of(rating(assignmentId, 4))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);

        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then()
                .body(at("items.weekStart", contains("2026-03-02", "2026-03-02")))
                .body(at("items.assignments.quality.flatten()", containsInAnyOrder(2, 4)));
    }

    @Test
    void shouldAcceptAReviewOfObstaclesAloneButNotOneThatSaysNothing() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Map<String, Object> obstaclesOnly = review("2026-03-02", List.of());
        obstaclesOnly.put("obstacles", List.of("symptoms_interfered"));
        clinic.clinician().body(obstaclesOnly).post("/v1/clients/{id}/reviews", clientId).then().statusCode(201)
                .body(at("assignments", empty()));

        clinic.clinician().body(Map.of("weekStart", "2026-03-09")).post("/v1/clients/{id}/reviews", clientId)
                .then().statusCode(400).body(at("errors[0].field", equalTo("assignments")));
        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().body(at("items", hasSize(1)));
    }

    @Test
    void shouldRejectAWeekStartThatIsNoMondayOrAWeekNotYetBegun() {
        // Sunday 8 March, 23:30 in Berlin: the week of Monday 2 March is the client's current one.
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-08T22:30:00Z"))) {
            TestClinic clinic = new TestClinic();
            UUID clientId = clinic.createClient();
            UUID assignmentId = clinic.createAssignment(clientId);

            for (String weekStart : List.of("2026-03-03", "2026-03-08", "2026-03-09")) {
                clinic.clinician().body(review(weekStart, List.of(rating(assignmentId, 2))))
                        .post("/v1/clients/{id}/reviews", clientId).then().statusCode(400)
                        .body(at("errors[0].field", equalTo("weekStart")));
            }
            clinic.clinician().body(review("2026-03-02", List.of(rating(assignmentId, 2))))
                    .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);
        }
    }

    @Test
    void shouldRejectAnAssignmentOfAnotherClientOrClinicWithoutStoringTheReview() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID own = clinic.createAssignment(clientId);
        UUID ofAnotherClient = clinic.createAssignment(clinic.createClient());
        UUID ofAnotherClinic = otherClinic.createAssignment(otherClinic.createClient());

        for (UUID foreign : List.of(ofAnotherClient, ofAnotherClinic, UUID.randomUUID())) {
            clinic.clinician().body(review("2026-03-02", List.of(rating(own, 3), rating(foreign, 3))))
                    .post("/v1/clients/{id}/reviews", clientId).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("assignments[1].assignmentId")))
                    .body(at("errors[0].message", equalTo("is not an assignment of this client")));
        }
        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().body(at("items", empty()));
    }

    @Test
    void shouldRejectTheSameAssignmentTwiceAndQualityOutsideZeroToFour() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.clinician().body(review("2026-03-02", List.of(rating(assignmentId, 3), rating(assignmentId, 1))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("assignments[1].assignmentId")));
        for (int quality : List.of(-1, 5)) {
            sendingBadInput(clinic).body(review("2026-03-02", List.of(rating(assignmentId, quality))))
                    .post("/v1/clients/{id}/reviews", clientId).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("assignments[0].quality")));
        }
        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().body(at("items", empty()));
    }

    @Test
    void shouldListReviewsByWeekThenIdAcrossPages() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        for (String week : List.of("2026-03-16", "2026-02-02", "2026-03-02", "2026-02-16", "2026-03-02")) {
            clinic.clinician().body(review(week, List.of(rating(assignmentId, 2))))
                    .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);
        }
        assertEquals(List.of("2026-02-02", "2026-02-16", "2026-03-02", "2026-03-02", "2026-03-16"),
                Pages.walk(clinic::clinician, 2, "items.weekStart", "/v1/clients/{id}/reviews", clientId).values());
    }

    @Test
    void shouldForbidAClientToWriteAReview() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.client(clientId).body(review("2026-03-02", List.of(rating(assignmentId, 4))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(403)
                .contentType("application/problem+json");
        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().body(at("items", empty()));
    }

    @Test
    void shouldAnswer404ToAnotherClinicAndAnotherClientAndStoreNothing() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.clinician().body(review("2026-03-02", List.of(rating(assignmentId, 2))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);

        otherClinic.clinician().body(review("2026-03-09", List.of(rating(assignmentId, 0))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(404)
                .body(at("detail", equalTo("No client with that id.")));
        otherClinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().statusCode(404);
        clinic.client(otherClientId).get("/v1/clients/{id}/reviews", clientId).then().statusCode(404);

        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then()
                .body(at("items.weekStart", contains("2026-03-02")));
    }

    @Test
    void shouldAnswer400NeverA5xxToMalformedInput() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Map<String, Object> unknownObstacle = review("2026-03-02", List.of(rating(assignmentId, 2)));
        unknownObstacle.put("obstacles", List.of("bad_weather"));
        Map<String, Object> serverOwned = review("2026-03-02", List.of(rating(assignmentId, 2)));
        serverOwned.put("reviewerId", "someone-else");
        Map<String, Object> longNote = review("2026-03-02", List.of(rating(assignmentId, 2)));
        longNote.put("nextWeekChanges", "x".repeat(4001));
        List<Object> bodies = List.of(
                "{\"weekStart\": ",
                unknownObstacle,
                serverOwned,
                longNote,
                review("2026-02-30", List.of(rating(assignmentId, 2))),
                review("last monday", List.of(rating(assignmentId, 2))),
                review("2026-03-02", List.of(Map.of("assignmentId", "not-a-uuid", "quality", 2))),
                review("2026-03-02", List.of(Map.of("quality", 2))),
                Map.of("assignments", List.of(rating(assignmentId, 2))),
                Map.of("weekStart", "2026-03-02", "assignments", "all of them"));
        for (Object body : bodies) {
            sendingBadInput(clinic).body(body).post("/v1/clients/{id}/reviews", clientId).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        clinic.clinician().get("/v1/clients/{id}/reviews", clientId).then().body(at("items", empty()));
    }
}
