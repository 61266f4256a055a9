package com.homeworkapi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.score.ClientScores;
import com.homeworkapi.security.ClinicScope;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which events each change emits, with what, and only to whom. */
@QuarkusTest
class WebhookEventsTest {

    private static final String FREE_TEXT = "Ask Dr Muller about the dog";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ClientScores scores;

    @Inject
    ClinicScope clinicScope;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldEmitEachTypeOnceWithIdsCodesAndFiguresButNoFreeText() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks.create(clinic, receiver.url(), WebhookEventType.CODES.toArray(String[]::new));
            UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin", "displayName", FREE_TEXT));
            String goalId = Json.path(clinic.clinician().body(Map.of("title", FREE_TEXT, "description", FREE_TEXT))
                    .post("/v1/clients/{id}/goals", clientId).then().statusCode(201).extract(), "id");
            String goalEtag = clinic.clinician().get("/v1/goals/{id}", goalId).header("ETag");
            clinic.clinician().header("If-Match", goalEtag).body(Map.of("title", FREE_TEXT, "status", "on_hold"))
                    .put("/v1/goals/{id}", goalId).then().statusCode(200);
            Map<String, Object> assignment = Map.of("title", FREE_TEXT, "instructions", FREE_TEXT, "kind", "exposure",
                    "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-05"));
            String assignmentId = Json.path(clinic.clinician().body(assignment)
                    .post("/v1/clients/{id}/assignments", clientId).then().statusCode(201).extract(), "id");
            String assignmentEtag = clinic.clinician().get("/v1/assignments/{id}", assignmentId).header("ETag");
            clinic.clinician().header("If-Match", assignmentEtag).body(Map.of("title", FREE_TEXT, "kind", "exposure",
                    "status", "paused", "schedule", Map.of("type", "times_per_week", "timesPerWeek", 2,
                            "startDate", "2026-01-05")))
                    .put("/v1/assignments/{id}", assignmentId).then().statusCode(200);
            clinic.client(clientId).body(Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "partial",
                    "note", FREE_TEXT)).post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
            clinic.clinician().body(Map.of("instrument", "phq9", "score", 14, "measuredOn", "2026-01-05",
                    "note", FREE_TEXT)).post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);

            deliverUntil(clinic, () -> receiver.received().size() >= 6);
            List<JsonNode> events = payloads(receiver);

            assertEquals(Map.of("goal.created", 1L, "goal.updated", 1L, "assignment.created", 1L,
                    "assignment.updated", 1L, "attempt.created", 1L, "measurement.created", 1L),
                    events.stream().filter(event -> !event.path("type").asText().equals("client.status_changed"))
                            .collect(Collectors.groupingBy(event -> event.path("type").asText(), Collectors.counting())));
            for (Receiver.Received got : receiver.received()) {
                assertFalse(got.text().contains(FREE_TEXT) || got.text().contains("Muller"), got.text());
            }
            for (JsonNode event : events) {
                assertEquals(clinic.id.toString(), event.path("clinicId").asText());
                assertEquals(clientId.toString(), event.path("data").path("clientId").asText());
                assertTrue(event.path("timestamp").asText().endsWith("Z"), event.toString());
            }
            JsonNode assignmentUpdated = only(events, "assignment.updated");
            assertEquals(assignmentId, assignmentUpdated.path("data").path("assignmentId").asText());
            assertEquals(2, assignmentUpdated.path("data").path("revision").asInt());
            assertEquals("paused", assignmentUpdated.path("data").path("status").asText());
            assertEquals("on_hold", only(events, "goal.updated").path("data").path("status").asText());
            JsonNode measurement = only(events, "measurement.created").path("data");
            assertEquals("phq9", measurement.path("instrument").asText());
            assertEquals(14.0, measurement.path("score").asDouble());
            assertEquals("partial", only(events, "attempt.created").path("data").path("outcome").asText());

            // In the order the changes were made (one after the other), the numbers grow.
            List<Long> sequences = events.stream()
                    .sorted(Comparator.comparing(event -> Instant.parse(event.path("timestamp").asText())))
                    .map(event -> event.path("data").path("sequence").asLong()).toList();
            for (int i = 1; i < sequences.size(); i++) {
                assertTrue(sequences.get(i) > sequences.get(i - 1), "the client's events are numbered in order: "
                        + sequences);
            }
        }
    }

    @Test
    void shouldEmitOneAttemptCreatedPerAttemptOfABatch() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "attempt.created");
            UUID clientId = clinic.createClient();
            UUID assignmentId = clinic.createAssignment(clientId);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(Map.of("id", UUID.randomUUID().toString(), "assignmentId", assignmentId.toString(),
                        "occurredAt", "2026-01-0" + (i + 5) + "T07:15:00+01:00", "outcome", "completed"));
            }
            clinic.client(clientId).body(Map.of("attempts", batch)).post("/v1/sync/attempts").then().statusCode(200);
            clinic.logAttempt(assignmentId);

            assertEquals(6, Webhooks.messages(clinic, webhook.id()).size());
            // A number each; the single attempt, written after the batch, has the highest.
            List<Long> sequences = Json.texts(Webhooks.messages(clinic, webhook.id()), "sequence").stream()
                    .map(Long::valueOf).toList();
            assertEquals(6, sequences.stream().distinct().count(), sequences.toString());
            assertEquals(sequences.stream().max(Long::compare).orElseThrow(), sequences.get(5));
        }
    }

    @Test
    void shouldEmitAStatusChangeOnceWhenTheBackgroundRefreshMovesTheStatus() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "client.status_changed");
            HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 4,
                    Map.of("timeZone", "Europe/Berlin")).completedEveryWeek(4, 2);
            backgroundRefresh(clinic);
            backgroundRefresh(clinic);

            history.completed(1, 3);
            backgroundRefresh(clinic);
            backgroundRefresh(clinic);

            deliverUntil(clinic, () -> receiver.received().size() >= 2);
            List<JsonNode> changes = payloads(receiver);
            assertEquals(2, changes.size(), changes.toString());
            JsonNode first = changes.stream().filter(c -> !c.path("data").has("previousStatus")).findFirst()
                    .orElseThrow();
            assertEquals("slip", first.path("data").path("status").asText());
            JsonNode moved = changes.stream().filter(c -> c.path("data").has("previousStatus")).findFirst()
                    .orElseThrow();
            assertEquals("slip", moved.path("data").path("previousStatus").asText());
            assertEquals("on_track", moved.path("data").path("status").asText());
            assertFalse(moved.path("data").path("rule").asText().isEmpty());
            assertEquals(history.clientId.toString(), moved.path("data").path("clientId").asText());
            assertTrue(moved.path("data").path("sequence").asLong() > first.path("data").path("sequence").asLong());
            assertEquals(2, Webhooks.messages(clinic, webhook.id()).size());
        }
    }

    @Test
    void shouldClaimASafetyFlagAheadOfEverythingElse() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks.create(clinic, receiver.url(), "goal.created", "measurement.safety_flag");
            UUID clientId = clinic.createClient();
            for (int i = 0; i < 3; i++) {
                clinic.createGoal(clientId);
            }
            // A PHQ-9 whose item 9 is answered 1, as a client's app records it.
            UUID measurementId = UUID.fromString(clinic.clinician()
                    .body(Map.of("instrument", "phq9", "measuredOn", "2026-01-05",
                            "itemAnswers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)))
                    .post("/v1/clients/{clientId}/measurements", clientId)
                    .then().statusCode(201).extract().path("id"));

            List<WebhookOutbox.Claimed> claimed = outbox.claim(clinic.id, 1, Duration.ofMillis(1));
            assertEquals("measurement.safety_flag", claimed.get(0).type());
            Thread.sleep(5);
            deliverUntil(clinic, () -> receiver.received().size() == 4);
            JsonNode flag = only(payloads(receiver), "measurement.safety_flag");
            assertEquals(measurementId.toString(), flag.path("data").path("measurementId").asText());
        }
    }

    @Test
    void shouldKeepASafetyFlagForADisabledEndpointAndDeliverItOnceItIsEnabledAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "measurement.created", "measurement.safety_flag");
            setEnabled(clinic, webhook, false);
            UUID clientId = clinic.createClient();
            clinic.clinician().body(Map.of("instrument", "phq9", "measuredOn", "2026-01-05",
                            "itemAnswers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2)))
                    .post("/v1/clients/{clientId}/measurements", clientId).then().statusCode(201);
            dispatcher.dispatchNow(clinic.id);
            assertEquals(0, receiver.received().size(), "a disabled endpoint receives nothing");

            setEnabled(clinic, webhook, true);
            deliverUntil(clinic, () -> receiver.received().size() == 1);
            // Only the flag was kept: measurement.created is no urgent event.
            only(payloads(receiver), "measurement.safety_flag");
        }
    }

    private void setEnabled(TestClinic clinic, Webhooks webhook, boolean enabled) {
        ClinicDatabase.run(clinic.id, () -> entityManager
                .createNativeQuery("update webhook_endpoint set enabled = ?1 where id = ?2")
                .setParameter(1, enabled).setParameter(2, webhook.id()).executeUpdate());
    }

    @Test
    void shouldWriteNoEventWhenNoEndpointOfTheClinicSubscribesAndNoneToAnotherClinic() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            TestClinic other = new TestClinic();
            Webhooks.create(other, receiver.url(), "goal.created");
            Webhooks.create(clinic, receiver.url(), "measurement.created");
            clinic.createGoal(clinic.createClient());

            assertEquals(0L, ClinicDatabase.call(clinic.id, () -> ((Number) entityManager
                    .createNativeQuery("select count(*) from webhook_message").getSingleResult()).longValue()));
            dispatcher.dispatchNow(other.id);
            assertEquals(0, receiver.received().size());
        }
    }

    @Test
    void shouldNeverDeadlockAWriteWithARescoreOfTheSameClient() throws Exception {
        TestClinic clinic = new TestClinic();
        Webhooks.create(clinic, "http://127.0.0.1:9/hook", "goal.created", "client.status_changed");
        UUID clientId = clinic.createClient();
        clinic.createGoal(clientId);
        try (Connection write = ClinicDatabase.connection(clinic.id);
                Connection rescore = ClinicDatabase.connection(clinic.id)) {
            // A write: its event first (as its insert's trigger emits it), its score's mark last.
            execute(write, "select webhook_emit(?, 'goal.created', 0::smallint, array[?]::uuid[], array['{}'::jsonb])",
                    clinic.id, clientId);
            // Meanwhile a rescore moves the client's status, whose trigger emits client.status_changed,
            // and commits: the write's own mark of the score waits for it, and nothing waits crosswise.
            CompletableFuture<Void> moved = CompletableFuture.runAsync(() -> {
                try {
                    execute(rescore, "update client_score set status = 'slip' where clinic_id = ? and client_id = ?",
                            clinic.id, clientId);
                    Thread.sleep(300);
                    rescore.commit();
                } catch (SQLException | InterruptedException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            Thread.sleep(100);
            execute(write, "update client_score set data_version = data_version + 1 where clinic_id = ? and client_id = ?",
                    clinic.id, clientId);
            write.commit();
            moved.get(10, TimeUnit.SECONDS);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            statement.execute();
        }
    }

    /** What the background refresh does for each clinic (ScoreRefresher), for this one. */
    private void backgroundRefresh(TestClinic clinic) {
        clinicScope.run(clinic.id, () -> scores.refreshStale(clinic.id));
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> ofType = events.stream().filter(event -> event.path("type").asText().equals(type)).toList();
        assertEquals(1, ofType.size(), type + " in " + events);
        return ofType.get(0);
    }

    @Test
    void shouldSendOneChangeToEverySubscribedEndpointAsTheSameEventWithTheSameNumber() {
        TestClinic clinic = new TestClinic();
        Webhooks first = Webhooks.create(clinic, "http://127.0.0.1:9/first", "attempt.created", "goal.created");
        Webhooks second = Webhooks.create(clinic, "http://127.0.0.1:9/second", "attempt.created", "goal.created");
        Webhooks third = Webhooks.create(clinic, "http://127.0.0.1:9/third", "attempt.created", "goal.created");
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(Map.of("id", UUID.randomUUID().toString(), "assignmentId", assignmentId.toString(),
                    "occurredAt", "2026-01-0" + (5 + i) + "T07:15:00+01:00", "outcome", "completed"));
        }
        clinic.clinician().body(Map.of("attempts", batch)).post("/v1/sync/attempts").then().statusCode(200);
        clinic.createGoal(clientId);

        // Each event once (attempt.created from its trigger, goal.created through webhook_emit),
        // as a message to each endpoint with the same id and number.
        List<String> events = eventsOf(clinic, first);
        assertEquals(6, events.size(), events.toString());
        assertEquals(6, events.stream().distinct().count(), events.toString());
        assertEquals(events, eventsOf(clinic, second));
        assertEquals(events, eventsOf(clinic, third));
    }

    /** The endpoint's messages as "event type, event id, number", in the order of their numbers. */
    private static List<String> eventsOf(TestClinic clinic, Webhooks endpoint) {
        List<String> events = new ArrayList<>();
        Webhooks.messages(clinic, endpoint.id()).forEach(message -> events.add(message.path("eventType").asText()
                + " " + message.path("eventId").asText() + " " + message.path("sequence").asLong()));
        events.sort(Comparator.comparingLong(event -> Long.parseLong(event.substring(event.lastIndexOf(' ') + 1))));
        return events;
    }

    private static List<JsonNode> payloads(Receiver receiver) {
        return receiver.received().stream().map(got -> Json.parse(got.text())).toList();
    }

    private void deliverUntil(TestClinic clinic, BooleanSupplier condition) {
        Receiver.until(condition, Duration.ofSeconds(30), () -> {
            try {
                dispatcher.dispatchNow(clinic.id);
            } catch (SQLException | InterruptedException failed) {
                throw new AssertionError(failed);
            }
        });
    }
}
