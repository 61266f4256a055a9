package com.homeworkapi.sync;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The change feed, read as a phone would: a snapshot, then changes. Changes are delivered once
 * every earlier transaction in the database has ended, so a test that waits for a change polls
 * (any long transaction elsewhere on the server only delays it).
 */
@QuarkusTest
class SyncApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What a reader has been given so far, and where it stands. */
    record Followed(List<Map<String, Object>> items, String cursor) {

        List<Object> ids() {
            return items.stream().map(item -> item.get("id")).toList();
        }

        long count(UUID id) {
            return items.stream().filter(item -> id.toString().equals(item.get("id"))).count();
        }

        Map<String, Object> last(UUID id) {
            Map<String, Object> found = null;
            for (Map<String, Object> item : items) {
                if (id.toString().equals(item.get("id"))) {
                    found = item;
                }
            }
            return found;
        }
    }

    @Test
    void shouldStartWithASnapshotAndThenDeliverOnlyLaterChanges() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID attemptId = clinic.logAttempt(assignmentId);
        Supplier<RequestSpecification> device = () -> clinic.client(clientId);

        Response first = device.get().get("/v1/sync/changes");
        first.then().statusCode(200);
        assertEquals(List.of("goal", "assignment", "attempt"), Json.path(first, "items.type"));
        assertEquals(List.of(goalId.toString(), assignmentId.toString(), attemptId.toString()), Json.path(first, "items.id"));
        assertEquals(List.of("upsert", "upsert", "upsert"), Json.path(first, "items.op"));
        assertEquals("Ride the bus to work", Json.path(first, "items[0].data.title"));
        assertEquals(clientId.toString(), Json.path(first, "items[2].data.clientId"));

        clinic.clinician().header("If-Match", "\"0\"")
                .body(Map.of("title", "Ride the bus to work and back", "status", "active"))
                .put("/v1/goals/{goalId}", goalId).then().statusCode(200);
        Followed later = followUntil(device, clientId, Json.path(first, "nextCursor"),
                followed -> followed.last(goalId) != null
                        && "Ride the bus to work and back".equals(data(followed.last(goalId)).get("title")));

        // The unchanged assignment and attempt are not sent again once the snapshot's changes are read.
        Followed quiet = readAll(device, clientId, later.cursor(), 500);
        assertEquals(List.of(), quiet.items());
        assertEquals("upsert", later.last(goalId).get("op"));
    }

    @Test
    void shouldDeliverAnAttemptLoggedFromAnotherDevice() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Supplier<RequestSpecification> phone = () -> clinic.client(clientId);
        Followed synced = readAll(phone, null, null, 100);

        UUID attemptId = UUID.fromString(Json.path(clinic.client(clientId)
                .body(Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed"))
                .post("/v1/assignments/{assignmentId}/attempts", assignmentId)
                .then().statusCode(201).extract(), "id"));

        Followed followed = followUntil(() -> clinic.client(clientId), null, synced.cursor(),
                f -> f.count(attemptId) > 0);
        Map<String, Object> entry = followed.last(attemptId);
        assertEquals("attempt", entry.get("type"));
        assertEquals("upsert", entry.get("op"));
        assertEquals(assignmentId.toString(), data(entry).get("assignmentId"));
        assertEquals("completed", data(entry).get("outcome"));
        assertEquals(1, followed.count(attemptId));
    }

    @Test
    void shouldDeliverEachAttemptOfABatchUploadOnceToItsOwnClientOnly() throws SQLException {
        TestClinic clinic = new TestClinic();
        UUID clientA = clinic.createClient();
        UUID clientB = clinic.createClient();
        UUID assignmentA;
        UUID assignmentB;
        Followed syncedA;
        Followed syncedB;
        // A transaction that began before the assignments were stored and is still open while the
        // phones take their snapshots (any session's on the server, as when other test runs share
        // it) makes each feed deliver its assignment once more after the snapshot, as the README
        // says it may. Here it happens every time, not only when another session is busy.
        try (Connection older = ClinicDatabase.connection(clinic.id)) {
            ClinicDatabase.transactionId(older);
            assignmentA = clinic.createAssignment(clientA);
            assignmentB = clinic.createAssignment(clientB);
            syncedA = readAll(() -> clinic.client(clientA), null, null, 100);
            syncedB = readAll(() -> clinic.client(clientB), null, null, 100);
            older.rollback();
        }
        List<UUID> ofA = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> ofB = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<Map<String, Object>> batch = new ArrayList<>();
        ofA.forEach(id -> batch.add(batchItem(id, assignmentA)));
        ofB.forEach(id -> batch.add(batchItem(id, assignmentB)));

        clinic.clinician().body(Map.of("attempts", batch)).post("/v1/sync/attempts").then().statusCode(200);
        // The retry stores nothing, so it must add nothing to either feed.
        clinic.clinician().body(Map.of("attempts", batch)).post("/v1/sync/attempts").then().statusCode(200);

        Followed followedA = followUntil(() -> clinic.client(clientA), null, syncedA.cursor(),
                followed -> ofA.stream().allMatch(id -> followed.count(id) > 0));
        Followed followedB = followUntil(() -> clinic.client(clientB), null, syncedB.cursor(),
                followed -> ofB.stream().allMatch(id -> followed.count(id) > 0));
        assertDeliveredOnce(ofA, assignmentA, followedA);
        assertDeliveredOnce(ofB, assignmentB, followedB);
        assertEquals(List.of(), readAll(() -> clinic.client(clientA), null, followedA.cursor(), 100).items());
        // A page shows an object once whatever its log holds, so the log itself is counted too.
        Map<UUID, UUID> clientOfLogged = new HashMap<>();
        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement logged = connection.prepareStatement(
                        "select entity_id, client_id from change_log where clinic_id = ? and entity_type = 'attempt'")) {
            logged.setObject(1, clinic.id);
            try (ResultSet rows = logged.executeQuery()) {
                while (rows.next()) {
                    UUID previous = clientOfLogged.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                    assertEquals(null, previous, "an attempt logged twice");
                }
            }
        }
        Map<UUID, UUID> expected = new HashMap<>();
        ofA.forEach(id -> expected.put(id, clientA));
        ofB.forEach(id -> expected.put(id, clientB));
        assertEquals(expected, clientOfLogged);
    }

    /** Each attempt once, and besides them only the client's own assignment, repeated after its snapshot. */
    private static void assertDeliveredOnce(List<UUID> attempts, UUID ownAssignment, Followed followed) {
        List<String> expected = new ArrayList<>(attempts.stream().map(UUID::toString).toList());
        expected.add(ownAssignment.toString());
        assertEquals(expected.stream().sorted().toList(),
                followed.ids().stream().map(String::valueOf).sorted().toList());
        assertEquals(1, followed.items().stream().filter(item -> !"attempt".equals(item.get("type"))).count());
    }

    private static Map<String, Object> batchItem(UUID id, UUID assignmentId) {
        return Map.of("id", id.toString(), "assignmentId", assignmentId.toString(),
                "occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed");
    }

    @Test
    void shouldDeliverACancelledAssignmentAsATombstoneAndLeaveItOutOfANewSnapshot() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Followed synced = readAll(clinic::clinician, clientId, null, 100);
        assertTrue(synced.ids().contains(assignmentId.toString()));

        clinic.clinician().header("If-Match", "\"0\"")
                .body(Map.of("title", "Touch the door handle without washing", "kind", "exposure",
                        "status", "cancelled",
                        "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-05")))
                .put("/v1/assignments/{assignmentId}", assignmentId).then().statusCode(200);

        Followed followed = followUntil(clinic::clinician, clientId, synced.cursor(),
                f -> f.last(assignmentId) != null && "tombstone".equals(f.last(assignmentId).get("op")));
        Map<String, Object> tombstone = followed.last(assignmentId);
        assertEquals("assignment", tombstone.get("type"));
        assertNull(tombstone.get("data"));
        assertFalse(readAll(clinic::clinician, clientId, null, 100).items().stream()
                .anyMatch(item -> "upsert".equals(item.get("op")) && assignmentId.toString().equals(item.get("id"))));
    }

    @Test
    void shouldPageTheSnapshotAndTheChangesSayingWhetherMoreIsReady() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        List<String> goals = sortedIds(clinic.createGoal(clientId), clinic.createGoal(clientId));
        UUID assignmentId = clinic.createAssignment(clientId);
        List<String> attempts = sortedIds(clinic.logAttempt(assignmentId), clinic.logAttempt(assignmentId),
                clinic.logAttempt(assignmentId), clinic.logAttempt(assignmentId));
        Supplier<RequestSpecification> staff = clinic::integration;

        // Snapshot: 2 goals, 1 assignment, 4 attempts in pages of 3, each type by id.
        List<Object> snapshot = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Response response = page(staff.get(), clientId, cursor, 3);
            List<Object> ids = Json.path(response, "items.id");
            snapshot.addAll(ids);
            sizes.add(ids.size());
            if (page < 2) {
                assertEquals(true, Json.path(response, "hasMore"));
            }
            cursor = Json.path(response, "nextCursor");
        }
        assertEquals(List.of(3, 3, 1), sizes);
        List<Object> expected = new ArrayList<>(goals);
        expected.add(assignmentId.toString());
        expected.addAll(attempts);
        assertEquals(expected, snapshot);

        // Changes: five new attempts read two at a time, the cursor never moving past unread ones.
        Followed caughtUp = readAll(staff, clientId, cursor, 500);
        List<UUID> added = List.of(clinic.logAttempt(assignmentId), clinic.logAttempt(assignmentId),
                clinic.logAttempt(assignmentId), clinic.logAttempt(assignmentId), clinic.logAttempt(assignmentId));
        followUntil(staff, clientId, caughtUp.cursor(), f -> added.stream().allMatch(id -> f.count(id) > 0));
        List<Object> paged = new ArrayList<>();
        String position = caughtUp.cursor();
        boolean more = true;
        while (more) {
            Response response = page(staff.get(), clientId, position, 2);
            List<Object> ids = Json.path(response, "items.id");
            assertTrue(ids.size() <= 2);
            paged.addAll(ids);
            more = Json.path(response, "hasMore");
            position = Json.path(response, "nextCursor");
        }
        for (UUID id : added) {
            assertEquals(1, paged.stream().filter(id.toString()::equals).count(), "attempt " + id);
        }
    }

    @Test
    void shouldDeliverAChangeWhoseTransactionCommitsAfterALaterOneWithoutLosingOrRepeatingIt() throws SQLException {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Supplier<RequestSpecification> reader = () -> clinic.client(clientId);
        Followed start = readAll(reader, null, null, 100);

        List<Map<String, Object>> delivered = new ArrayList<>();
        UUID early;
        UUID late;
        try (Connection writerA = ClinicDatabase.connection(clinic.id);
                Connection writerB = ClinicDatabase.connection(clinic.id)) {
            // A writes first, so its change has the lower transaction id and sequence number...
            early = ClinicDatabase.insertAttempt(writerA, clinic.id, clientId, assignmentId);
            late = ClinicDatabase.insertAttempt(writerB, clinic.id, clientId, assignmentId);
            assertTrue(Long.parseLong(ClinicDatabase.transactionId(writerA)) < Long.parseLong(ClinicDatabase.transactionId(writerB)));
            // ...but B commits first, and the reader follows the feed in between.
            writerB.commit();
            Followed between = readAll(reader, null, start.cursor(), 100);
            delivered.addAll(between.items());
            assertEquals(0, between.count(late), "B is held back while A, which began before it, is running");
            assertEquals(0, between.count(early));

            writerA.commit();
            Followed after = followUntil(reader, null, between.cursor(),
                    f -> f.count(early) > 0 && f.count(late) > 0);
            delivered.addAll(after.items());
        }

        Followed all = new Followed(delivered, null);
        assertEquals(1, all.count(early));
        assertEquals(1, all.count(late));
        assertTrue(all.ids().indexOf(early.toString()) < all.ids().indexOf(late.toString()),
                "delivered in the order the changes were made");
    }

    @Test
    void shouldDeliverEveryChangeExactlyOnceWhileWritersCommitConcurrently() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Supplier<RequestSpecification> reader = () -> clinic.client(clientId);
        String cursor = readAll(reader, null, null, 100).cursor();
        int writers = 4;
        int attemptsEach = 12;
        Set<UUID> written = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < attemptsEach; i++) {
                    try (Connection connection = ClinicDatabase.connection(clinic.id)) {
                        UUID id = ClinicDatabase.insertAttempt(connection, clinic.id, clientId, assignmentId);
                        // Held open a while, so transactions overlap and commit out of order.
                        Thread.sleep(ThreadLocalRandom.current().nextInt(25));
                        connection.commit();
                        written.add(id);
                    }
                }
                return null;
            }));
        }

        Map<String, Integer> deliveries = new HashMap<>();
        go.countDown();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            boolean writing = running.stream().anyMatch(future -> !future.isDone());
            Response page = page(reader.get(), null, cursor, 7);
            List<String> ids = Json.path(page, "items.id");
            ids.forEach(id -> deliveries.merge(id, 1, Integer::sum));
            cursor = Json.path(page, "nextCursor");
            boolean allDelivered = written.stream().allMatch(id -> deliveries.containsKey(id.toString()));
            if (!writing && allDelivered && written.size() == writers * attemptsEach) {
                break;
            }
            if (!(Boolean) Json.path(page, "hasMore")) {
                Thread.sleep(10);
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        for (Future<?> writer : running) {
            writer.get();
        }

        assertEquals(writers * attemptsEach, written.size());
        Map<String, Integer> ofWritten = written.stream().map(UUID::toString)
                .collect(Collectors.toMap(id -> id, id -> deliveries.getOrDefault(id, 0)));
        assertEquals(Set.of(1), Set.copyOf(ofWritten.values()), "every change delivered exactly once");
    }

    @Test
    void shouldRejectACursorOfAnotherClientOrClinic() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClientId = clinic.createClient();
        TestClinic otherClinic = new TestClinic();
        UUID foreignClientId = otherClinic.createClient();
        clinic.createGoal(clientId);
        clinic.createAssignment(clientId);
        String snapshotCursor = page(clinic.client(clientId), null, null, 1).path("nextCursor");
        String changesCursor = readAll(() -> clinic.client(clientId), null, null, 100).cursor();

        for (String cursor : List.of(snapshotCursor, changesCursor)) {
            assertInvalidField(clinic.client(otherClientId).queryParam("cursor", cursor).get("/v1/sync/changes"),
                    "cursor");
            assertInvalidField(clinic.clinician().queryParam("clientId", otherClientId.toString())
                    .queryParam("cursor", cursor).get("/v1/sync/changes"), "cursor");
            assertInvalidField(otherClinic.clinician().queryParam("clientId", foreignClientId.toString())
                    .queryParam("cursor", cursor).get("/v1/sync/changes"), "cursor");
        }
        // The cursor still works for the client it was issued to, by any caller allowed to read it.
        clinic.clinician().queryParam("clientId", clientId.toString()).queryParam("cursor", changesCursor)
                .get("/v1/sync/changes").then().statusCode(200);
    }

    @Test
    void shouldRejectATamperedCursor() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.createGoal(clientId);
        String cursor = readAll(() -> clinic.client(clientId), null, null, 100).cursor();
        int dot = cursor.indexOf('.');
        String payload = cursor.substring(0, dot);
        String signature = cursor.substring(dot + 1);
        char flipped = payload.charAt(3) == 'A' ? 'B' : 'A';

        for (String tampered : List.of(
                payload.substring(0, 3) + flipped + payload.substring(4) + "." + signature,
                payload + "." + new StringBuilder(signature).reverse(),
                payload,
                payload + ".")) {
            assertInvalidField(clinic.client(clientId).queryParam("cursor", tampered).get("/v1/sync/changes"),
                    "cursor");
        }
    }

    @Test
    void shouldRequireStaffToNameTheClientAndLetAClientLeaveItOut() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);

        assertInvalidField(clinic.clinicianSendingBadInput().get("/v1/sync/changes"), "clientId");
        assertInvalidField(clinic.clinicianSendingBadInput().queryParam("clientId", clientId.toString())
                .queryParam("limit", "501").get("/v1/sync/changes"), "limit");
        page(clinic.client(clientId), null, null, 500).then().body(at("items[0].id",
                equalTo(goalId.toString())));
        page(clinic.client(clientId), clientId, null, 1).then().body(at("items[0].id",
                equalTo(goalId.toString())));
        assertProblem(clinic.client(clientId).queryParam("clientId", clinic.createClient().toString())
                .get("/v1/sync/changes"), 404);
    }

    // --- Helpers ----------------------------------------------------------------------

    private static Response page(RequestSpecification caller, UUID clientId, String cursor, int limit) {
        RequestSpecification request = caller.queryParam("limit", limit);
        if (clientId != null) {
            request.queryParam("clientId", clientId.toString());
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        Response response = request.get("/v1/sync/changes");
        response.then().statusCode(200);
        return response;
    }

    /** Reads page after page while more is ready; each page is a fresh request of the caller. */
    private static Followed readAll(Supplier<RequestSpecification> caller, UUID clientId, String cursor, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        while (true) {
            Response response = page(caller.get(), clientId, cursor, limit);
            items.addAll(Json.path(response, "items"));
            cursor = Json.path(response, "nextCursor");
            if (!(Boolean) Json.path(response, "hasMore")) {
                return new Followed(items, cursor);
            }
        }
    }

    /** Follows the feed until what was delivered satisfies the condition. */
    private static Followed followUntil(Supplier<RequestSpecification> caller, UUID clientId, String cursor,
            Predicate<Followed> done) {
        List<Map<String, Object>> items = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Followed read = readAll(caller, clientId, cursor, 100);
            items.addAll(read.items());
            cursor = read.cursor();
            Followed sofar = new Followed(items, cursor);
            if (done.test(sofar)) {
                return sofar;
            }
            assertTrue(Instant.now().isBefore(deadline), "the feed never delivered the change");
            sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("data");
    }

    private static List<String> sortedIds(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).sorted().toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
