package com.homeworkapi.attempt;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttemptApiTest {

    private static Map<String, Object> exposureAttempt(UUID id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("occurredAt", "2026-03-03T19:15:00+01:00");
        body.put("outcome", "partial");
        body.put("completion", 0.75);
        body.put("durationMinutes", 25);
        body.put("suds", Map.of("before", 40, "peak", 70, "after", 30));
        body.put("quality", Map.of("rating", 3, "rater", "client"));
        body.put("obstacles", List.of("symptoms_interfered"));
        body.put("note", "Stopped early when the urge peaked.");
        return body;
    }

    @Test
    void shouldLogAttemptAndKeepWhenItOccurredApartFromWhenItArrived() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID id = UUID.randomUUID();

        clinic.client(clientId).body(exposureAttempt(id)).post("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/attempts/" + id))
                .body(at("id", equalTo(id.toString())))
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("occurredAt", equalTo("2026-03-03T18:15:00Z")))
                .body(at("receivedAt", notNullValue()))
                .body(at("completion", equalTo(0.75f)))
                .body(at("suds.peak", equalTo(70)))
                .body(at("quality.rater", equalTo("client")))
                .body(at("obstacles", contains("symptoms_interfered")));

        clinic.clinician().get("/v1/attempts/{id}", id).then().statusCode(200)
                .body(at("assignmentId", equalTo(assignmentId.toString())))
                .body(at("note", equalTo("Stopped early when the urge peaked.")));
    }

    @Test
    void shouldStoreTheSameAttemptOnceHoweverOftenItIsSent() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID id = UUID.randomUUID();

        String receivedAt = Json.path(clinic.client(clientId).body(exposureAttempt(id))
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201)
                .extract(), "receivedAt");
        // The same moment written in another offset is the same attempt.
        Map<String, Object> retry = exposureAttempt(id);
        retry.put("occurredAt", "2026-03-03T18:15:00Z");
        clinic.client(clientId).body(retry).post("/v1/assignments/{id}/attempts", assignmentId).then()
                .statusCode(200)
                .body(at("id", equalTo(id.toString())))
                .body(at("receivedAt", equalTo(receivedAt)));

        clinic.clinician().get("/v1/assignments/{id}/attempts", assignmentId).then().body(at("items", hasSize(1)));
    }

    @Test
    void shouldRefuseAnAttemptIdReusedWithOtherContent() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID id = UUID.randomUUID();
        clinic.client(clientId).body(exposureAttempt(id)).post("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(201);

        Map<String, Object> changed = exposureAttempt(id);
        changed.put("completion", 0.5);
        clinic.client(clientId).body(changed).post("/v1/assignments/{id}/attempts", assignmentId).then()
                .statusCode(409).contentType("application/problem+json");
        clinic.clinician().get("/v1/attempts/{id}", id).then().body(at("completion", equalTo(0.75f)));
    }

    @Test
    void shouldKeepTheSameIdInTwoClinicsApartWithoutRevealingEither() {
        TestClinic clinic = new TestClinic();
        UUID id = UUID.randomUUID();
        UUID clientId = clinic.createClient();
        clinic.client(clientId).body(exposureAttempt(id))
                .post("/v1/assignments/{id}/attempts", clinic.createAssignment(clientId)).then().statusCode(201);

        TestClinic other = new TestClinic();
        UUID otherClient = other.createClient();
        Map<String, Object> otherContent = exposureAttempt(id);
        otherContent.put("completion", 0.25);
        other.client(otherClient).body(otherContent)
                .post("/v1/assignments/{id}/attempts", other.createAssignment(otherClient)).then().statusCode(201);

        clinic.clinician().get("/v1/attempts/{id}", id).then().statusCode(200)
                .body(at("clientId", equalTo(clientId.toString()))).body(at("completion", equalTo(0.75f)));
        other.clinician().get("/v1/attempts/{id}", id).then().statusCode(200)
                .body(at("clientId", equalTo(otherClient.toString()))).body(at("completion", equalTo(0.25f)));
    }

    @Test
    void shouldNotLetAClientRateItsOwnAttemptAsTheClinician() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Map<String, Object> claimed = exposureAttempt(UUID.randomUUID());
        claimed.put("quality", Map.of("rating", 4, "rater", "clinician"));

        clinic.client(clientId).body(claimed).post("/v1/assignments/{id}/attempts", assignmentId).then()
                .statusCode(400).body(at("errors[0].field", equalTo("quality.rater")));
        clinic.clinician().get("/v1/assignments/{id}/attempts", assignmentId).then().body(at("items", hasSize(0)));
        clinic.clinician().body(claimed).post("/v1/assignments/{id}/attempts", assignmentId).then()
                .statusCode(201).body(at("quality.rater", equalTo("clinician")));
    }

    @Test
    void shouldAcceptSmallClockSkewButNotAttemptsFromTheFuture() {
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-11T18:00:00Z"))) {
            TestClinic clinic = new TestClinic();
            UUID clientId = clinic.createClient();
            UUID assignmentId = clinic.createAssignment(clientId);

            clinic.client(clientId).body(Map.of("occurredAt", "2026-03-11T18:03:00Z", "outcome", "completed"))
                    .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
            clinic.client(clientId).body(Map.of("occurredAt", "2026-03-11T18:10:00Z", "outcome", "completed"))
                    .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("occurredAt")));
            clinic.clinician().get("/v1/assignments/{id}/attempts", assignmentId).then().body(at("items", hasSize(1)));
        }
    }

    @Test
    void shouldAcceptCompletionOnlyForPartialAttempts() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.client(clientId)
                .body(Map.of("occurredAt", "2026-03-03T08:00:00Z", "outcome", "completed", "completion", 0.5))
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("completion")));
    }

    @Test
    void shouldListAClientsAttemptsByWhenTheyOccurredWithinFromAndTo() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID first = clinic.createAssignment(clientId);
        UUID second = clinic.createAssignment(clientId);
        String late = logAt(clinic, clientId, second, "2026-03-09T10:00:00Z");
        String early = logAt(clinic, clientId, first, "2026-03-02T10:00:00Z");
        String middle = logAt(clinic, clientId, first, "2026-03-05T10:00:00Z");

        clinic.clinician().get("/v1/clients/{id}/attempts", clientId).then().statusCode(200)
                .body(at("items.id", contains(early, middle, late)));
        clinic.client(clientId).queryParam("from", "2026-03-03T00:00:00Z").queryParam("to", "2026-03-09T10:00:00Z")
                .get("/v1/clients/{id}/attempts", clientId).then().statusCode(200)
                .body(at("items.id", contains(middle)));
        clinic.clinician().queryParam("limit", 2).get("/v1/assignments/{id}/attempts", first).then()
                .body(at("items.id", contains(early, middle)));
    }

    @Test
    void shouldRejectToThatIsNotAfterFrom() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinician().queryParam("from", "2026-03-09T00:00:00Z").queryParam("to", "2026-03-02T00:00:00Z")
                .get("/v1/clients/{id}/attempts", clientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("to")));
    }

    private static String logAt(TestClinic clinic, UUID clientId, UUID assignmentId, String occurredAt) {
        return Json.path(clinic.client(clientId).body(Map.of("occurredAt", occurredAt, "outcome", "completed"))
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201).extract(), "id");
    }

    @Test
    void shouldRefuseInTheDatabaseAnAttemptFiledUnderAnotherClientThanItsAssignments() throws SQLException {
        TestClinic clinic = new TestClinic();
        UUID owner = clinic.createClient();
        UUID otherClient = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(owner);

        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement insert = connection.prepareStatement("""
                        insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at,
                            outcome, obstacles)
                        values (?, ?, ?, ?, now(), now(), 'COMPLETED', '')
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, clinic.id);
            insert.setObject(3, otherClient);
            insert.setObject(4, assignmentId);
            SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals("23503", refused.getSQLState());
        }
        clinic.clinician().get("/v1/clients/{clientId}/attempts", otherClient).then().statusCode(200)
                .body(at("items", hasSize(0)));
    }
}
