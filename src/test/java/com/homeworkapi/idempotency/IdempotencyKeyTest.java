package com.homeworkapi.idempotency;

import static com.homeworkapi.support.Json.at;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Idempotency-Key header on every POST: a retry gets the first answer back and stores
 * nothing, another request under the same key is 422, a key still in use is 409, and keys are
 * the caller's own (clinic, subject, roles and client) for as long as they are kept.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    IdempotencyKeyCleanup cleanup;

    @Inject
    EntityManager entityManager;

    /** Every POST of the API: one added later is covered here without a change. */
    static Stream<ApiOperation> posts() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.method == Method.POST);
    }

    // --- Replay --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void shouldReplayTheFirstStatusAndBodyToARetryAndStoreNothingTwice(ApiOperation operation)
            throws JsonProcessingException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        String token = Tokens.staff(seeded.clinic.id, operation.audience.staffRole());
        String body = JSON.writeValueAsString(operation.validBody());
        String key = UUID.randomUUID().toString();

        Response first = operation.sendWithBody(withKey(token, key), seeded, body);
        first.then().statusCode(operation.successStatus);
        assertNull(first.header(REPLAYED));
        SeededClient.State afterFirst = seeded.state();

        Response retry = operation.sendWithBody(withKey(token, key), seeded, body);

        assertEquals(Answer.of(first), Answer.of(retry));
        assertEquals("true", retry.header(REPLAYED));
        assertEquals(afterFirst, seeded.state());
        assertEquals(1, keysOf(seeded.clinic));
    }

    @Test
    void shouldReplayTheLocationAndETagOfTheFirstAnswer() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.staff(clinic.id, "clinician");

        Response first = withKey(token, "client-1").body(Map.of("timeZone", "Europe/Berlin")).post("/v1/clients");
        Response retry = withKey(token, "client-1").body(Map.of("timeZone", "Europe/Berlin")).post("/v1/clients");

        first.then().statusCode(201);
        assertTrue(first.header("Location").endsWith("/v1/clients/" + Json.path(first, "id")));
        assertEquals("\"0\"", first.header("ETag"));
        assertEquals(Answer.of(first), Answer.of(retry));
    }

    @Test
    void shouldReplayAClientsOwnAttemptUnderItsOwnKey() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        String token = Tokens.client(clinic.id, clientId);
        Map<String, Object> attempt = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed");

        Response first = withKey(token, "sync-7").body(attempt).post("/v1/assignments/{id}/attempts", assignmentId);
        Response retry = withKey(token, "sync-7").body(attempt).post("/v1/assignments/{id}/attempts", assignmentId);

        first.then().statusCode(201);
        assertEquals(Answer.of(first), Answer.of(retry));
        assertEquals(1, attemptsOf(clinic, assignmentId));
    }

    @Test
    void shouldReplayAnAnswerOfInvalidInputWithoutRunningTheRequestAgain() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.staff(clinic.id, "clinician");
        Map<String, Object> invalid = Map.of("timeZone", "Mars/Olympus_Mons");

        Response first = withKeySendingBadInput(token, "bad-zone").body(invalid).post("/v1/clients");
        Response retry = withKeySendingBadInput(token, "bad-zone").body(invalid).post("/v1/clients");

        assertInvalidField(first, "timeZone");
        assertEquals(Answer.of(first), Answer.of(retry));
        assertEquals("true", retry.header(REPLAYED));
    }

    @Test
    void shouldNotKeepAConflictSoThatARetryRunsTheRequestAgain() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.staff(clinic.id, "clinician");
        Map<String, Object> identified = Map.of("timeZone", "Europe/Berlin",
                "externalIds", List.of(Map.of("system", "urn:ehr:test", "value", "MRN-1")));
        clinic.createClient(identified);

        assertProblem(withKey(token, "dup").body(identified).post("/v1/clients"), 409);
        Response retry = withKey(token, "dup").body(identified).post("/v1/clients");

        assertProblem(retry, 409);
        assertNull(retry.header(REPLAYED));
        assertEquals(0, keysOf(clinic));
    }

    // --- Another request under the same key ----------------------------------------------

    @Test
    void shouldAnswer422ToTheSameKeyWithAnotherBodyAndChangeNothing() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        String token = Tokens.staff(seeded.clinic.id, "clinician");
        withKey(token, "goal").body(Map.of("title", "Ride the bus alone"))
                .post("/v1/clients/{id}/goals", seeded.clientId).then().statusCode(201);
        SeededClient.State before = seeded.state();

        Response other = withKey(token, "goal").body(Map.of("title", "Ride the train alone"))
                .post("/v1/clients/{id}/goals", seeded.clientId);
        // The same JSON written otherwise is another body too: the fingerprint is of the bytes.
        Response respaced = withKey(token, "goal").body("{ \"title\": \"Ride the bus alone\" }")
                .post("/v1/clients/{id}/goals", seeded.clientId);

        assertAll(() -> assertProblem(other, 422), () -> assertProblem(respaced, 422));
        assertEquals(before, seeded.state());
    }

    @Test
    void shouldAnswer422ToTheSameKeyAtAnotherPath() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        UUID otherClient = seeded.clinic.createClient();
        String token = Tokens.staff(seeded.clinic.id, "clinician");
        Map<String, Object> goal = Map.of("title", "Ride the bus alone");
        withKey(token, "goal").body(goal).post("/v1/clients/{id}/goals", seeded.clientId).then().statusCode(201);
        SeededClient.State before = seeded.state();

        assertProblem(withKey(token, "goal").body(goal).post("/v1/clients/{id}/goals", otherClient), 422);

        assertEquals(before, seeded.state());
        seeded.clinic.clinician().get("/v1/clients/{id}/goals", otherClient).then().statusCode(200)
                .body(at("items.size()", equalTo(0)));
    }

    // --- A key still in use ----------------------------------------------------------------

    @Test
    void shouldLetExactlyOneOfFiveConcurrentIdenticalRequestsRun() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        String token = Tokens.staff(clinic.id, "clinician");
        // Without an id of its own, every attempt that ran would be stored as a new one.
        String attempt = "{\"occurredAt\":\"2026-01-06T18:30:00+01:00\",\"outcome\":\"completed\"}";
        int requests = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Callable<Response> send = () -> {
                    RequestSpecification request = withKey(token, "burst").body(attempt);
                    start.await();
                    return request.post("/v1/assignments/{id}/attempts", assignmentId);
                };
                answers.add(threads.submit(send));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }

            List<Response> ran = responses.stream()
                    .filter(response -> response.statusCode() == 201 && response.header(REPLAYED) == null).toList();
            assertEquals(1, ran.size());
            for (Response response : responses) {
                if (response.statusCode() == 409) {
                    assertProblem(response, 409);
                } else {
                    assertEquals(Answer.of(ran.get(0)), Answer.of(response));
                }
            }
            assertEquals(1, attemptsOf(clinic, assignmentId));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldAnswer409WhileTheFirstRequestIsStillRunningAndTakeOverAnAbandonedOne() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.staff(clinic.id, "clinician");
        Map<String, Object> client = Map.of("timeZone", "Europe/Berlin");
        withKey(token, "slow").body(client).post("/v1/clients").then().statusCode(201);

        // As if the first request were still running on another instance.
        setKey(clinic, "state = 'in_progress', created_at = now()");
        assertProblem(withKey(token, "slow").body(client).post("/v1/clients"), 409);
        assertEquals(1, clientsOf(clinic));

        // Its instance died: past the lease a retry takes the key over and runs.
        setKey(clinic, "state = 'in_progress', created_at = now() - interval '2 minutes'");
        Response retry = withKey(token, "slow").body(client).post("/v1/clients");
        retry.then().statusCode(201);
        assertNull(retry.header(REPLAYED));
        assertEquals(2, clientsOf(clinic));
    }

    // --- Whose key -----------------------------------------------------------------------

    @Test
    void shouldKeepTheSameKeyOfAnotherSubjectOrAnotherClinicApart() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        String subject = "staff-" + UUID.randomUUID();
        String ours = Tokens.sign(Tokens.claims(clinic.id, "clinician", subject));
        String colleagues = Tokens.staff(clinic.id, "clinician");
        String sameSubjectElsewhere = Tokens.sign(Tokens.claims(otherClinic.id, "clinician", subject));
        Map<String, Object> client = Map.of("timeZone", "Europe/Berlin");

        List<Response> answers = Stream.of(ours, colleagues, sameSubjectElsewhere)
                .map(token -> withKey(token, "shared-key").body(client).post("/v1/clients")).toList();

        assertAll(answers.stream().map(answer -> (Executable) () -> {
            answer.then().statusCode(201);
            assertNull(answer.header(REPLAYED));
        }));
        assertEquals(3, answers.stream().map(answer -> Json.path(answer, "id")).distinct().count());
        assertEquals(2, clientsOf(clinic));
        assertEquals(1, clientsOf(otherClinic));
    }

    /**
     * Two client tokens of one subject (one phone app login, say) for two clients: the second
     * may not see the first one's assignment, so resending the first one's attempt under its key
     * must answer what the second would be answered anyway, never the stored attempt and its note.
     */
    @Test
    void shouldNotReplayAnotherClientsAnswerToAClientTokenWithTheSameSubject() {
        TestClinic clinic = new TestClinic();
        UUID firstClient = clinic.createClient();
        UUID secondClient = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(firstClient);
        String subject = "app-user-" + UUID.randomUUID();
        Map<String, Object> attempt = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed",
                "note", "Touched the handle at my sister's flat");

        withKey(clientToken(clinic, subject, firstClient), "k1").body(attempt)
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
        Response other = withKey(clientToken(clinic, subject, secondClient), "k1").body(attempt)
                .post("/v1/assignments/{id}/attempts", assignmentId);

        assertProblem(other, 404);
        assertNull(other.header(REPLAYED));
        assertEquals(1, attemptsOf(clinic, assignmentId));
    }

    /**
     * A clinician may rate an attempt as clinician, the client may not (400). With the same
     * subject and key, the client's token must get its own 400, not the clinician's 201.
     */
    @Test
    void shouldNotReplayAStaffAnswerToAClientTokenWithTheSameSubject() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        String subject = "shared-" + UUID.randomUUID();
        Map<String, Object> rated = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed",
                "quality", Map.of("rating", 3, "rater", "clinician"));

        withKey(Tokens.sign(Tokens.claims(clinic.id, "clinician", subject)), "rated").body(rated)
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
        Response asClient = withKeySendingBadInput(clientToken(clinic, subject, clientId), "rated").body(rated)
                .post("/v1/assignments/{id}/attempts", assignmentId);

        assertInvalidField(asClient, "quality.rater");
        assertNull(asClient.header(REPLAYED));
        assertEquals(1, attemptsOf(clinic, assignmentId));
    }

    /** Roles are compared as a set: the same roles in another order are the same caller. */
    @Test
    void shouldKeepTheKeysOfTheSameSubjectWithOtherRolesApart() {
        TestClinic clinic = new TestClinic();
        String subject = "staff-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("timeZone", "Europe/Berlin");
        String clinician = Tokens.sign(Tokens.claims(clinic.id, "clinician", subject));
        String admin = Tokens.sign(Tokens.claims(clinic.id, "admin", subject));
        String both = Tokens.sign(Tokens.claims(clinic.id, "clinician", subject)
                .groups(new LinkedHashSet<>(List.of("clinician", "admin"))));
        String bothReordered = Tokens.sign(Tokens.claims(clinic.id, "clinician", subject)
                .groups(new LinkedHashSet<>(List.of("admin", "clinician"))));

        List<Response> answers = Stream.of(clinician, admin, both)
                .map(token -> withKey(token, "roles").body(client).post("/v1/clients")).toList();
        Response reordered = withKey(bothReordered, "roles").body(client).post("/v1/clients");

        assertAll(answers.stream().map(answer -> (Executable) () -> {
            answer.then().statusCode(201);
            assertNull(answer.header(REPLAYED));
        }));
        assertEquals(3, answers.stream().map(answer -> Json.path(answer, "id")).distinct().count());
        assertEquals(Answer.of(answers.get(2)), Answer.of(reordered));
        assertEquals("true", reordered.header(REPLAYED));
        assertEquals(3, clientsOf(clinic));
    }

    /** A retry often carries a fresh token: the same caller, so it gets the first answer back. */
    @Test
    void shouldReplayToAFreshTokenOfTheSameCaller() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        String subject = "phone-" + UUID.randomUUID();
        Map<String, Object> attempt = Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed");
        String earlier = Tokens.sign(Tokens.claims(clinic.id, "client", subject).claim("client_id", clientId.toString())
                .issuedAt(Instant.now().minusSeconds(300)).expiresAt(Instant.now().plusSeconds(300)));

        Response first = withKey(earlier, "fresh").body(attempt).post("/v1/assignments/{id}/attempts", assignmentId);
        Response retry = withKey(clientToken(clinic, subject, clientId), "fresh").body(attempt)
                .post("/v1/assignments/{id}/attempts", assignmentId);

        first.then().statusCode(201);
        assertEquals(Answer.of(first), Answer.of(retry));
        assertEquals("true", retry.header(REPLAYED));
        assertEquals(1, attemptsOf(clinic, assignmentId));
    }

    @Test
    void shouldClaimNoKeyForARequestTheCallersRoleMayNotMake() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        assertProblem(withKeySendingBadInput(Tokens.client(clinic.id, clientId), "not-mine")
                .body(Map.of("timeZone", "Europe/Berlin")).post("/v1/clients"), 403);

        assertEquals(0, keysOf(clinic));
    }

    @Test
    void shouldIgnoreTheKeyOnOtherMethodsThanPost() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String token = Tokens.staff(clinic.id, "clinician");
        String etag = clinic.clinician().get("/v1/clients/{id}", clientId).then().statusCode(200).extract()
                .header("ETag");

        TestClinic.as(token).header(KEY, "put").header("If-Match", etag)
                .body(ApiOperation.UPDATE_CLIENT.validBody()).put("/v1/clients/{id}", clientId).then().statusCode(200);

        assertEquals(0, keysOf(clinic));
    }

    // --- Malformed keys ------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void shouldRejectAMalformedKeyNamingTheHeaderAndStoreNothing(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        String token = Tokens.staff(seeded.clinic.id, operation.audience.staffRole());

        assertAll(Stream.of("", "k".repeat(256), "caf\u00e9", "tab\tinside")
                .map(key -> (Executable) () -> assertInvalidField(
                        operation.send(withKeySendingBadInput(token, key), seeded), KEY)));
        assertInvalidField(operation.send(withKeySendingBadInput(token, "once").header(KEY, "twice"), seeded), KEY);

        assertEquals(before, seeded.state());
        assertEquals(0, keysOf(seeded.clinic));
    }

    @Test
    void shouldAcceptAKeyOfTwoHundredAndFiftyFivePrintableCharacters() {
        TestClinic clinic = new TestClinic();
        String key = "\"" + "k ~!".repeat(63) + "~\"";

        withKey(Tokens.staff(clinic.id, "clinician"), key).body(Map.of("timeZone", "Europe/Berlin"))
                .post("/v1/clients").then().statusCode(201);

        assertEquals(255, key.length());
        assertEquals(1, keysOf(clinic));
    }

    // --- Retention -----------------------------------------------------------------------

    @Test
    void shouldDeleteExpiredKeysAndKeepTheOthers() {
        TestClinic expiring = new TestClinic();
        TestClinic kept = new TestClinic();
        Map<String, Object> client = Map.of("timeZone", "Europe/Berlin");
        withKey(Tokens.staff(expiring.id, "clinician"), "old").body(client).post("/v1/clients").then().statusCode(201);
        withKey(Tokens.staff(kept.id, "clinician"), "new").body(client).post("/v1/clients").then().statusCode(201);
        setKey(expiring, "expires_at = now() - interval '1 second'");

        cleanup.deleteExpiredKeys();

        assertEquals(0, keysOf(expiring));
        assertEquals(1, keysOf(kept));
    }

    @Test
    void shouldKeepAKeyAtLeastADayAndLetItBeUsedAgainOnceExpired() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.staff(clinic.id, "clinician");
        Map<String, Object> client = Map.of("timeZone", "Europe/Berlin");
        Instant sent = Instant.now();
        withKey(token, "reused").body(client).post("/v1/clients").then().statusCode(201);
        assertFalse(keptUntil(clinic).isBefore(sent.plus(Duration.ofHours(24))));

        setKey(clinic, "expires_at = now() - interval '1 second'");
        Response again = withKey(token, "reused").body(client).post("/v1/clients");

        again.then().statusCode(201);
        assertNull(again.header(REPLAYED));
        assertEquals(2, clientsOf(clinic));
        assertEquals(1, keysOf(clinic));
    }

    // --- Contract ------------------------------------------------------------------------

    @Test
    void shouldDeclareTheKeyAndItsAnswersOnEveryPostOfTheContract() throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Contract.spec()).path("paths");
        List<Executable> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode post = path.getValue().path("post");
            if (post.isMissingNode()) {
                continue;
            }
            checks.add(() -> assertTrue(post.path("parameters").findValuesAsText("$ref")
                    .contains("#/components/parameters/IdempotencyKey"), path.getKey() + " takes Idempotency-Key"));
            for (String status : List.of("409", "422")) {
                checks.add(() -> assertTrue(post.path("responses").has(status), path.getKey() + " answers " + status));
            }
        }
        assertTrue(checks.size() >= 3 * posts().count());
        assertAll(checks);
    }

    // --- Helpers -------------------------------------------------------------------------

    /** What a replay must repeat exactly. */
    record Answer(int status, String body, String contentType, String location, String etag) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.asString(), response.contentType(),
                    response.header("Location"), response.header("ETag"));
        }
    }

    private static String clientToken(TestClinic clinic, String subject, UUID clientId) {
        return Tokens.sign(Tokens.claims(clinic.id, "client", subject).claim("client_id", clientId.toString()));
    }

    private static RequestSpecification withKey(String token, String key) {
        return TestClinic.as(token).header(KEY, key);
    }

    /** A key the contract forbids, or a request it refuses: only the response is checked. */
    private static RequestSpecification withKeySendingBadInput(String token, String key) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY)
                .header(KEY, key);
    }

    private long keysOf(TestClinic clinic) {
        return ClinicDatabase.call(clinic.id, () -> ((Number) entityManager.createNativeQuery(
                "select count(*) from idempotency_key where clinic_id = :clinic")
                .setParameter("clinic", clinic.id).getSingleResult()).longValue());
    }

    private Instant keptUntil(TestClinic clinic) {
        return ClinicDatabase.call(clinic.id, () -> (Instant) entityManager.createNativeQuery(
                "select expires_at from idempotency_key where clinic_id = :clinic", Instant.class)
                .setParameter("clinic", clinic.id).getSingleResult());
    }

    /** Moves the clinic's keys in time or state, as only a clock or another instance could. */
    private void setKey(TestClinic clinic, String assignments) {
        ClinicDatabase.run(clinic.id, () -> entityManager.createNativeQuery(
                "update idempotency_key set " + assignments + " where clinic_id = :clinic")
                .setParameter("clinic", clinic.id).executeUpdate());
    }

    private static int clientsOf(TestClinic clinic) {
        return itemsOf(clinic.clinician().queryParam("limit", 200).get("/v1/clients"));
    }

    private static int attemptsOf(TestClinic clinic, UUID assignmentId) {
        return itemsOf(clinic.clinician().queryParam("limit", 200).get("/v1/assignments/{id}/attempts", assignmentId));
    }

    private static int itemsOf(Response list) {
        list.then().statusCode(200);
        return Json.of(list).path("items").size();
    }
}
