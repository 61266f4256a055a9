package com.homeworkapi.sync;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncAttemptsApiTest {

    private static final String SYNC = "/v1/sync/attempts";

    private static Map<String, Object> attempt(UUID id, UUID assignmentId, String occurredAt) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id.toString());
        item.put("assignmentId", assignmentId.toString());
        item.put("occurredAt", occurredAt);
        item.put("outcome", "partial");
        item.put("completion", 0.5);
        item.put("suds", Map.of("before", 60, "peak", 80, "after", 35));
        item.put("obstacles", List.of("no_time", "forgot", "no_time"));
        return item;
    }

    private static Map<String, Object> attempt(UUID assignmentId) {
        return attempt(UUID.randomUUID(), assignmentId, "2026-01-07T19:00:00+01:00");
    }

    private static Map<String, Object> with(Map<String, Object> item, String property, Object value) {
        Map<String, Object> copy = new HashMap<>(item);
        copy.put(property, value);
        return copy;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> attempts) {
        return Map.of("attempts", attempts);
    }

    private static Response sync(RequestSpecification caller, List<Map<String, Object>> attempts) {
        Response response = caller.body(batch(attempts)).post(SYNC);
        response.then().statusCode(200).body(at("results.index", equalTo(IntStream.range(0, attempts.size()).boxed()
                .toList())));
        return response;
    }

    /** What the single POST answers to the item's attempt, its fields named from {@code itemPath}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> singlePostProblem(TestClinic clinic, UUID assignmentId,
            Map<String, Object> item, String itemPath) {
        Map<String, Object> attempt = new HashMap<>(item);
        attempt.remove("assignmentId");
        Map<String, Object> problem = new HashMap<>(Json.path(clinic.clinicianSendingBadInput().body(attempt)
                .post("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(400).extract(), "$"));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Object error : (List<?>) problem.get("errors")) {
            Map<String, Object> named = new HashMap<>((Map<String, Object>) error);
            named.put("field", itemPath + "." + named.get("field"));
            errors.add(named);
        }
        problem.put("errors", errors);
        return problem;
    }

    private static List<String> storedIds(TestClinic clinic, UUID assignmentId) {
        return Json.path(clinic.clinician().queryParam("limit", 200).get("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(200).extract(), "items.id");
    }

    @Test
    void shouldStoreTheValidAttemptsOfAMixedBatchAndRejectEachOtherNamingItsFields() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> valid = attempt(assignmentId);
        // Instant prints its seconds even when they are zero, as the contract's date-time requires.
        String inTenMinutes = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> attempts = List.of(
                valid,
                with(attempt(assignmentId), "suds", Map.of("before", 60, "peak", 101)),
                attempt(UUID.randomUUID()),
                with(attempt(assignmentId), "outcome", "completed"),
                with(attempt(assignmentId), "occurredAt", inTenMinutes),
                with(attempt(assignmentId), "id", null));

        // Some items break the contract on purpose, so only the answer is checked against it.
        Response response = sync(clinic.clinicianSendingBadInput(), attempts);

        response.then()
                .body(at("results.status", contains("created", "rejected", "rejected", "rejected", "rejected",
                        "rejected")))
                .body(at("results[0].id", equalTo(valid.get("id"))))
                .body(at("results[0].attempt.obstacles", containsInAnyOrder("no_time", "forgot")))
                .body(at("results[0].attempt.occurredAt", equalTo("2026-01-07T18:00:00Z")))
                .body(at("results[0].problem", nullValue()))
                .body(at("results[1].attempt", nullValue()))
                .body(at("results[1].problem.status", equalTo(400)))
                .body(at("results[1].problem.errors.field", contains("attempts[1].suds.peak")))
                .body(at("results[2].problem.status", equalTo(404)))
                .body(at("results[2].problem.detail", equalTo("No assignment with that id.")))
                .body(at("results[3].problem.errors.field", contains("attempts[3].completion")))
                .body(at("results[4].problem.errors.field", contains("attempts[4].occurredAt")))
                .body(at("results[5].id", nullValue()))
                .body(at("results[5].problem.errors.field", contains("attempts[5].id")));
        assertEquals(List.of(valid.get("id")), storedIds(clinic, assignmentId));
    }

    /**
     * A phone on a newer app version may send values this version cannot read: each such item is
     * rejected alone, so the phone's queue never blocks on it.
     */
    @Test
    void shouldRejectOnlyTheItemsItCannotReadAsTheSinglePostWouldAndStoreTheRest() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> first = attempt(assignmentId);
        Map<String, Object> last = attempt(assignmentId);
        List<Map<String, Object>> attempts = List.of(
                first,
                with(attempt(assignmentId), "outcome", "abandoned"),
                with(attempt(assignmentId), "mood", "calm"),
                with(attempt(assignmentId), "durationMinutes", "ten"),
                with(attempt(assignmentId), "occurredAt", "yesterday at seven"),
                with(attempt(assignmentId), "id", "attempt-5"),
                with(attempt(assignmentId), "suds", Map.of("before", 60, "peak", "high")),
                with(attempt(assignmentId), "durationMinutes", 99_999_999_999L),
                with(attempt(assignmentId), "note", "Walked past\u0000 twice"),
                with(attempt(assignmentId), "assignmentId", "assignment-9"),
                last);
        List<String> fieldsAtFault = List.of("attempts[1].outcome", "attempts[2].mood", "attempts[3].durationMinutes",
                "attempts[4].occurredAt", "attempts[5].id", "attempts[6].suds.peak", "attempts[7].durationMinutes",
                "attempts[8].note", "attempts[9].assignmentId");

        Response response = sync(clinic.clinicianSendingBadInput(), attempts);

        List<String> expectedStatuses = new ArrayList<>(Collections.nCopies(attempts.size(), "rejected"));
        expectedStatuses.set(0, "created");
        expectedStatuses.set(attempts.size() - 1, "created");
        List<Object> expectedIds = new ArrayList<>(attempts.stream().map(item -> item.get("id")).toList());
        expectedIds.set(5, null);
        response.then()
                .body(at("results.status", equalTo(expectedStatuses)))
                .body(at("results.id", equalTo(expectedIds)))
                .body(at("results[1].problem.errors[0].message", equalTo("must be one of [completed, partial, skipped]")));
        for (int index = 1; index <= fieldsAtFault.size(); index++) {
            String result = "results[" + index + "]";
            response.then()
                    .body(result + ".attempt", nullValue())
                    .body(result + ".problem.status", equalTo(400))
                    .body(result + ".problem.errors.field", contains(fieldsAtFault.get(index - 1)));
        }
        // The single POST names no assignment in its body, so the last bad item has no counterpart there.
        for (int index = 1; index < fieldsAtFault.size(); index++) {
            assertEquals(singlePostProblem(clinic, assignmentId, attempts.get(index), "attempts[" + index + "]"),
                    Json.path(response, "results[" + index + "].problem"), "item " + index);
        }
        assertEquals(Set.of(first.get("id"), last.get("id")), Set.copyOf(storedIds(clinic, assignmentId)));
    }

    @Test
    void shouldRejectAnItemThatIsNoObjectAloneNamingItsPlaceInTheList() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> valid = attempt(assignmentId);
        List<Object> attempts = Arrays.asList(valid, 42, null, "an attempt", List.of(attempt(assignmentId)), true);

        Response response = clinic.clinicianSendingBadInput().body(Map.of("attempts", attempts)).post(SYNC);

        response.then().statusCode(200)
                .body(at("results.index", contains(0, 1, 2, 3, 4, 5)))
                .body(at("results.status", contains("created", "rejected", "rejected", "rejected", "rejected",
                        "rejected")))
                .body(at("results[0].id", equalTo(valid.get("id"))));
        for (int index = 1; index < attempts.size(); index++) {
            String result = "results[" + index + "]";
            response.then()
                    .body(result + ".id", nullValue())
                    .body(result + ".problem.status", equalTo(400))
                    .body(result + ".problem.errors.field", contains("attempts[" + index + "]"));
        }
        assertEquals(List.of(valid.get("id")), storedIds(clinic, assignmentId));
    }

    @Test
    void shouldRejectTheWholeRequestWhenItsEnvelopeCannotBeRead() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> valid = attempt(assignmentId);

        for (Object attempts : Arrays.asList(valid, "attempts", 42, null)) {
            Map<String, Object> body = new HashMap<>();
            body.put("attempts", attempts);
            Problems.assertInvalidField(clinic.clinicianSendingBadInput().body(body).post(SYNC), "attempts");
        }
        Problems.assertInvalidField(clinic.clinicianSendingBadInput()
                .body(Map.of("attempts", List.of(valid), "device", "pixel")).post(SYNC), "device");
        Problems.assertProblem(clinic.clinicianSendingBadInput().body("42").post(SYNC), 400);
        Problems.assertInvalidField(clinic.clinicianSendingBadInput().body("{\"attempts\": [").post(SYNC), "body");

        assertEquals(List.of(), storedIds(clinic, assignmentId));
    }

    @Test
    void shouldNameEveryFieldAnItemLacksOrBreaksAtOnce() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> incomplete = with(attempt(assignmentId), "suds", Map.of("peak", 101));
        incomplete.remove("id");
        incomplete.remove("assignmentId");

        sync(clinic.clinicianSendingBadInput(), List.of(incomplete)).then()
                .body(at("results[0].status", equalTo("rejected")))
                .body(at("results[0].id", nullValue()))
                .body(at("results[0].problem.errors.field", contains("attempts[0].assignmentId", "attempts[0].id",
                        "attempts[0].suds.peak")));
    }

    @Test
    void shouldStoreEachAttemptOnceWhenTheSameBatchIsSentFiveTimesAtOnceInAnyOrder() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID firstClient = clinic.createClient();
        UUID first = clinic.createAssignment(firstClient);
        UUID second = clinic.createAssignment(firstClient);
        UUID third = clinic.createAssignment(clinic.createClient());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            attempts.add(attempt(List.of(first, second, third).get(i % 3)));
        }
        // A phone may resend its queue in another order: copies that reach the same rows in
        // opposite orders must each still get an answer and store nothing twice.
        List<List<Map<String, Object>>> copies = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            List<Map<String, Object>> order = new ArrayList<>(attempts);
            if (copy % 2 == 1) {
                Collections.reverse(order);
            } else if (copy > 0) {
                Collections.shuffle(order, new Random(copy));
            }
            copies.add(order);
        }

        ExecutorService threads = Executors.newFixedThreadPool(copies.size());
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (List<Map<String, Object>> copy : copies) {
                Callable<Response> send = () -> {
                    start.await();
                    return clinic.clinician().body(batch(copy)).post(SYNC);
                };
                sent.add(threads.submit(send));
            }
            start.countDown();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        Map<String, Integer> createdById = new HashMap<>();
        for (Response answer : answers) {
            answer.then().statusCode(200);
            List<String> statuses = Json.path(answer, "results.status");
            List<String> ids = Json.path(answer, "results.id");
            for (int i = 0; i < statuses.size(); i++) {
                assertEquals(true, Set.of("created", "duplicate").contains(statuses.get(i)), statuses.get(i));
                createdById.merge(ids.get(i), statuses.get(i).equals("created") ? 1 : 0, Integer::sum);
            }
        }
        assertEquals(attempts.stream().collect(Collectors.toMap(item -> (String) item.get("id"), item -> 1)),
                createdById, "every attempt created by exactly one of the five");
        Set<Object> stored = new HashSet<>();
        for (UUID assignmentId : List.of(first, second, third)) {
            List<String> ids = storedIds(clinic, assignmentId);
            assertEquals(20, ids.size());
            stored.addAll(ids);
        }
        assertEquals(attempts.stream().map(item -> item.get("id")).collect(Collectors.toSet()),
                stored);
    }

    @Test
    void shouldStoreAnAttemptSentInTwoDifferentBatchesOnce() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Map<String, Object> shared = attempt(assignmentId);
        Map<String, Object> onlyFirst = attempt(assignmentId);
        Map<String, Object> onlySecond = attempt(assignmentId);

        String receivedAt = Json.path(sync(clinic.client(clientId), List.of(shared, onlyFirst)).then()
                .body(at("results.status", contains("created", "created")))
                .extract(), "results[0].attempt.receivedAt");
        sync(clinic.client(clientId), List.of(onlySecond, shared)).then()
                .body(at("results.status", contains("created", "duplicate")))
                .body(at("results[1].attempt.receivedAt", equalTo(receivedAt)));

        assertEquals(Set.of(shared.get("id"), onlyFirst.get("id"), onlySecond.get("id")),
                Set.copyOf(storedIds(clinic, assignmentId)));
    }

    @Test
    void shouldTellARepeatInsideOneBatchFromAnIdReusedWithOtherContent() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> repeated = attempt(assignmentId);
        Map<String, Object> reused = attempt(assignmentId);

        sync(clinic.clinician(), List.of(repeated, repeated, reused, with(reused, "durationMinutes", 30))).then()
                .body(at("results.status", contains("created", "duplicate", "created", "rejected")))
                .body(at("results[3].problem.status", equalTo(409)));

        assertEquals(Set.of(repeated.get("id"), reused.get("id")), Set.copyOf(storedIds(clinic, assignmentId)));
    }

    @Test
    void shouldAnswerDuplicateForAnAttemptFirstSentBySinglePostAndRejectItsIdWithOtherContent() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Map<String, Object> item = attempt(assignmentId);
        Map<String, Object> single = new HashMap<>(item);
        single.remove("assignmentId");
        Map<String, Object> stored = Json.path(clinic.client(clientId).body(single)
                .post("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(201).extract(), "$");

        sync(clinic.client(clientId), List.of(item, with(item, "note", "Something else"))).then()
                .body(at("results.status", contains("duplicate", "rejected")))
                .body(at("results[0].attempt", equalTo(stored)))
                .body(at("results[1].problem.status", equalTo(409)))
                .body(at("results[1].problem.detail",
                        equalTo("An attempt with this id exists with other content; send a new id for a new attempt.")));

        assertEquals(List.of(item.get("id")), storedIds(clinic, assignmentId));
    }

    @Test
    void shouldStoreEveryFieldAsSentWhateverCharactersTheNoteHolds() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        Map<String, Object> full = attempt(UUID.randomUUID(), assignmentId, "2026-01-07T19:00:00.123456+01:00");
        full.put("durationMinutes", 25);
        full.put("quality", Map.of("rating", 3, "rater", "clinician"));
        full.put("note", "She said \"NULL\", {not, an} array\\ here\nnext line, ünïcödé 🙂 'quoted'");
        Map<String, Object> bare = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "assignmentId", assignmentId.toString(), "occurredAt", "2026-01-08T07:30:00Z", "outcome", "skipped"));
        Map<String, Object> nullNote = with(attempt(assignmentId), "note", "NULL");
        Map<String, Object> tiny = with(with(attempt(assignmentId), "completion", 0.0001), "note", "");

        List<Map<String, Object>> answered = Json.path(sync(clinic.clinician(), List.of(full, bare, nullNote, tiny)).then()
                .body(at("results.status", contains("created", "created", "created", "created")))
                .extract(), "results.attempt");

        // What was stored, read back, is what the batch answered, field for field.
        for (Map<String, Object> attempt : answered) {
            assertEquals(attempt, Json.path(clinic.clinician().get("/v1/attempts/{id}", attempt.get("id"))
                    .then().statusCode(200).extract(), "$"));
        }
        assertEquals(full.get("note"), answered.get(0).get("note"));
        assertEquals("2026-01-07T18:00:00.123456Z", answered.get(0).get("occurredAt"));
        assertEquals(Map.of("rating", 3, "rater", "clinician"), answered.get(0).get("quality"));
        assertEquals(null, answered.get(1).get("suds"));
        assertEquals(List.of(), answered.get(1).get("obstacles"));
        assertEquals("NULL", answered.get(2).get("note"));
        assertEquals(0.0001f, ((Number) answered.get(3).get("completion")).floatValue());
        assertEquals("", answered.get(3).get("note"));
    }

    @Test
    void shouldRejectABatchOfMoreThan500OrNoAttemptsAsAWhole() {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        List<Map<String, Object>> tooMany = IntStream.range(0, 501).mapToObj(i -> attempt(assignmentId)).toList();

        Problems.assertInvalidField(clinic.clinicianSendingBadInput().body(batch(tooMany)).post(SYNC), "attempts");
        Problems.assertInvalidField(clinic.clinicianSendingBadInput().body(batch(List.of())).post(SYNC),
                "attempts");
        Problems.assertInvalidField(clinic.clinicianSendingBadInput().body(Map.of()).post(SYNC), "attempts");

        assertEquals(List.of(), storedIds(clinic, assignmentId));
        sync(clinic.clinician(), tooMany.subList(0, 500)).then().body(at("results.status", equalTo(
                IntStream.range(0, 500).mapToObj(i -> "created").toList())));
    }

    @Test
    void shouldNotLetAClientTokenSyncOntoAnotherClientsAssignment() {
        TestClinic clinic = new TestClinic();
        UUID ownClient = clinic.createClient();
        UUID own = clinic.createAssignment(ownClient);
        UUID others = clinic.createAssignment(clinic.createClient());

        Response response = sync(clinic.client(ownClient), List.of(attempt(others), attempt(own)));

        response.then().body(at("results.status", contains("rejected", "created")))
                .body(at("results[0].problem.status", equalTo(404)));
        Map<String, Object> absent = sync(clinic.client(ownClient), List.of(attempt(UUID.randomUUID())))
                .jsonPath().getMap("results[0].problem");
        assertEquals(absent, Json.path(response, "results[0].problem"));
        assertEquals(List.of(), storedIds(clinic, others));
        assertEquals(1, storedIds(clinic, own).size());
    }

    @Test
    void shouldAnswerAnotherClinicsTokenAsIfTheAssignmentsDidNotExist() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        TestClinic otherClinic = new TestClinic();

        for (RequestSpecification stranger : List.of(otherClinic.clinician(), otherClinic.integration(),
                otherClinic.client(clientId))) {
            Response response = sync(stranger, List.of(attempt(assignmentId), attempt(UUID.randomUUID())));
            response.then().body(at("results.status", contains("rejected", "rejected")))
                    .body(at("results.problem.status", contains(404, 404)))
                    .body(at("results.problem.detail", containsInAnyOrder("No assignment with that id.",
                            "No assignment with that id.")));
            assertEquals(Json.<Object>path(response, "results[1].problem"),
                    Json.<Object>path(response, "results[0].problem"));
        }

        assertEquals(List.of(), storedIds(clinic, assignmentId));
    }
}
