package com.homeworkapi.sync;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The clinic-wide change feed: {@code GET /v1/sync/changes} without {@code clientId}, for
 * integration and admin tokens. Changes are delivered once every earlier transaction in the
 * database has ended, so a test that waits for a change polls.
 */
@QuarkusTest
class ClinicChangesApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What a reader has been given so far, and where it stands. */
    record Followed(List<Map<String, Object>> items, String cursor) {

        Set<String> ids() {
            return items.stream().map(item -> (String) item.get("id")).collect(Collectors.toSet());
        }

        long count(UUID id) {
            return items.stream().filter(item -> id.toString().equals(item.get("id"))).count();
        }

        int indexOf(UUID id) {
            for (int index = 0; index < items.size(); index++) {
                if (id.toString().equals(items.get(index).get("id"))) {
                    return index;
                }
            }
            return -1;
        }

        boolean hasAll(UUID... ids) {
            for (UUID id : ids) {
                if (count(id) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    @Test
    void shouldDeliverTheChangesOfEveryClientOfTheClinicAndNoneOfAnotherClinic() {
        TestClinic clinic = new TestClinic();
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        UUID firstGoal = clinic.createGoal(first);
        UUID firstAssignment = clinic.createAssignment(first);
        UUID firstAttempt = clinic.logAttempt(firstAssignment);
        UUID secondGoal = clinic.createGoal(second);
        UUID secondAssignment = clinic.createAssignment(second);
        TestClinic otherClinic = new TestClinic();
        UUID foreign = otherClinic.createClient();
        UUID foreignGoal = otherClinic.createGoal(foreign);

        Followed read = followUntil(clinic::integration, null,
                f -> f.hasAll(firstGoal, firstAssignment, firstAttempt, secondGoal, secondAssignment));
        Map<String, UUID> owners = Map.of(firstGoal.toString(), first, firstAssignment.toString(), first,
                firstAttempt.toString(), first, secondGoal.toString(), second, secondAssignment.toString(), second);
        for (Map<String, Object> item : read.items()) {
            assertEquals(owners.get((String) item.get("id")).toString(), item.get("clientId"), "whose: " + item);
        }
        assertEquals(owners.keySet(), read.ids(), "the clinic's objects and nothing else");
        assertEquals("attempt", read.items().get(read.indexOf(firstAttempt)).get("type"));
        assertEquals(firstAssignment.toString(), data(read.items().get(read.indexOf(firstAttempt))).get("assignmentId"));
        assertEquals("Ride the bus to work", data(read.items().get(read.indexOf(secondGoal))).get("title"));

        // An admin reads the same feed; the other clinic's integration sees its own clinic only.
        assertEquals(owners.keySet(), followUntil(clinic::admin, null, f -> f.ids().size() >= 5).ids());
        assertEquals(Set.of(foreignGoal.toString()), followUntil(otherClinic::integration, null,
                f -> f.hasAll(foreignGoal)).ids());
    }

    @Test
    void shouldPageThroughTheLogInOrderSayingWhetherMoreIsReady() {
        TestClinic clinic = new TestClinic();
        List<UUID> goals = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            UUID clientId = clinic.createClient();
            goals.add(clinic.createGoal(clientId));
            goals.add(clinic.createGoal(clientId));
        }
        Followed whole = followUntil(clinic::integration, null, f -> f.hasAll(goals.toArray(UUID[]::new)));

        // The feed has no snapshot: read from the start again, two changes a page.
        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Response page = page(clinic.integration(), cursor, 2);
            List<Map<String, Object>> items = Json.path(page, "items");
            assertTrue(items.size() <= 2, "at most limit entries: " + items);
            paged.addAll(items);
            cursor = Json.path(page, "nextCursor");
            more = Json.path(page, "hasMore");
            pages++;
        }
        assertEquals(3, pages, "six goals, two a page: the last page says no more is ready");
        assertEquals(whole.items().stream().map(item -> item.get("id")).toList(),
                paged.stream().map(item -> item.get("id")).toList(), "the same changes in the same order");
        assertEquals(goals.stream().map(UUID::toString).toList(),
                paged.stream().map(item -> item.get("id")).toList(), "in the order they were made");

        // Nothing new: the last cursor answers an empty page and is itself the next one.
        Response quiet = page(clinic.integration(), cursor, 2);
        assertEquals(List.of(), Json.path(quiet, "items"));
        assertFalse((Boolean) Json.path(quiet, "hasMore"));
        UUID later = clinic.createGoal(clinic.createClient());
        Followed after = followUntil(clinic::integration, Json.path(quiet, "nextCursor"), f -> f.hasAll(later));
        assertEquals(Set.of(later.toString()), after.ids(), "only what changed after the cursor");
    }

    @Test
    void shouldDeliverAChangeOfOneClientCommittedAfterAnotherClientsLaterOneWithoutLosingOrRepeatingIt()
            throws SQLException {
        TestClinic clinic = new TestClinic();
        UUID firstClient = clinic.createClient();
        UUID secondClient = clinic.createClient();
        UUID firstAssignment = clinic.createAssignment(firstClient);
        UUID secondAssignment = clinic.createAssignment(secondClient);
        Followed start = followUntil(clinic::integration, null, f -> f.hasAll(firstAssignment, secondAssignment));

        List<Map<String, Object>> delivered = new ArrayList<>();
        UUID early;
        UUID late;
        try (Connection writerA = ClinicDatabase.connection(clinic.id);
                Connection writerB = ClinicDatabase.connection(clinic.id)) {
            // A writes first, so its change has the lower transaction id and sequence number...
            early = ClinicDatabase.insertAttempt(writerA, clinic.id, firstClient, firstAssignment);
            late = ClinicDatabase.insertAttempt(writerB, clinic.id, secondClient, secondAssignment);
            assertTrue(Long.parseLong(ClinicDatabase.transactionId(writerA)) < Long.parseLong(ClinicDatabase.transactionId(writerB)));
            // ...but B commits first, and the reader follows the clinic's feed in between.
            writerB.commit();
            Followed between = readAll(clinic::integration, start.cursor(), 100);
            delivered.addAll(between.items());
            assertEquals(0, between.count(late), "B is held back while A, which began before it, is running");
            assertEquals(0, between.count(early));

            writerA.commit();
            Followed after = followUntil(clinic::integration, between.cursor(), f -> f.hasAll(early, late));
            delivered.addAll(after.items());
        }

        Followed all = new Followed(delivered, null);
        assertEquals(1, all.count(early));
        assertEquals(1, all.count(late));
        assertTrue(all.indexOf(early) < all.indexOf(late), "delivered in the order the changes were made");
        assertEquals(firstClient.toString(), all.items().get(all.indexOf(early)).get("clientId"));
        assertEquals(secondClient.toString(), all.items().get(all.indexOf(late)).get("clientId"));
    }

    @Test
    void shouldRefuseAClinicWideCursorOfAnotherCallerOrClinicAndNeverMixItWithAClientsCursor() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        TestClinic otherClinic = new TestClinic();
        String subject = "ehr-" + UUID.randomUUID();
        Supplier<RequestSpecification> integration = () -> TestClinic.as(
                Tokens.sign(Tokens.claims(clinic.id, "integration", subject)));
        String clinicCursor = followUntil(integration, null, f -> f.hasAll(goalId)).cursor();
        String clientCursor = clientFeedCursor(clinic.client(clientId), clientId);

        assertAll(
                () -> assertInvalidField(clinic.integration().queryParam("cursor", clinicCursor)
                        .get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(clinic.admin().queryParam("cursor", clinicCursor)
                        .get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(TestClinic.as(Tokens.sign(Tokens.claims(otherClinic.id, "integration",
                        subject))).queryParam("cursor", clinicCursor).get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(integration.get().queryParam("clientId", clientId.toString())
                        .queryParam("cursor", clinicCursor).get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(clinic.client(clientId).queryParam("cursor", clinicCursor)
                        .get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(integration.get().queryParam("cursor", clientCursor)
                        .get("/v1/sync/changes"), "cursor"),
                () -> assertInvalidField(integration.get().queryParam("cursor", tampered(clinicCursor))
                        .get("/v1/sync/changes"), "cursor"));

        // A new token of the same caller carries on where the last one stopped.
        Response carriedOn = page(integration.get(), clinicCursor, 100);
        assertFalse(new Followed(Json.path(carriedOn, "items"), null).hasAll(goalId), "not delivered twice");
    }

    @Test
    void shouldRequireAClinicianToNameTheClientAndKeepAClientTokenToItsOwnFeed() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID ownGoal = clinic.createGoal(clientId);
        UUID otherGoal = clinic.createGoal(clinic.createClient());

        assertInvalidField(clinic.clinicianSendingBadInput().get("/v1/sync/changes"), "clientId");
        Followed own = readAll(() -> clinic.client(clientId), null, 100);
        assertEquals(Set.of(ownGoal.toString()), own.ids(), "a client's own snapshot, never the clinic's");
        assertEquals(0, own.count(otherGoal));
    }

    @Test
    void shouldRecordOneAuditEventPerPageNamingHowManyClientsItCovered() {
        TestClinic clinic = new TestClinic();
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        UUID firstGoal = clinic.createGoal(first);
        UUID secondGoal = clinic.createGoal(second);
        clinic.createGoal(second);
        followUntil(clinic::integration, null, f -> f.hasAll(firstGoal, secondGoal));

        String requestId = "clinic-feed-" + UUID.randomUUID();
        clinic.integration().header("X-Request-Id", requestId).queryParam("limit", 100)
                .get("/v1/sync/changes").then().statusCode(200);
        Map<String, String> event = AuditRows.onlyEventOf(requestId);
        assertAll(
                () -> assertEquals("listChanges", event.get("operation")),
                () -> assertEquals("sync", event.get("resource_type")),
                () -> assertEquals("2", event.get("clients_covered")),
                () -> assertEquals("200", event.get("status")));
    }

    // --- Helpers ----------------------------------------------------------------------

    private static Response page(RequestSpecification caller, String cursor, int limit) {
        RequestSpecification request = caller.queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        Response response = request.get("/v1/sync/changes");
        response.then().statusCode(200);
        return response;
    }

    /** Reads page after page while more is ready; each page is a fresh request of the caller. */
    private static Followed readAll(Supplier<RequestSpecification> caller, String cursor, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        while (true) {
            Response response = page(caller.get(), cursor, limit);
            items.addAll(Json.path(response, "items"));
            cursor = Json.path(response, "nextCursor");
            if (!(Boolean) Json.path(response, "hasMore")) {
                return new Followed(items, cursor);
            }
        }
    }

    /** A cursor of one client's feed, after the first page of its snapshot. */
    private static String clientFeedCursor(RequestSpecification caller, UUID clientId) {
        Response response = caller.queryParam("clientId", clientId.toString()).queryParam("limit", 500)
                .get("/v1/sync/changes");
        response.then().statusCode(200);
        return Json.path(response, "nextCursor");
    }

    /** Follows the feed until what was delivered satisfies the condition. */
    private static Followed followUntil(Supplier<RequestSpecification> caller, String cursor, Predicate<Followed> done) {
        List<Map<String, Object>> items = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Followed read = readAll(caller, cursor, 100);
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

    private static String tampered(String cursor) {
        int dot = cursor.indexOf('.');
        String payload = cursor.substring(0, dot);
        char flipped = payload.charAt(5) == 'A' ? 'B' : 'A';
        return payload.substring(0, 5) + flipped + payload.substring(6) + cursor.substring(dot);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("data");
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
