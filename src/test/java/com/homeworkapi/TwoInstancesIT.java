package com.homeworkapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.ServiceInstance;
import com.homeworkapi.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one database, as a deployment runs them behind a load
 * balancer (docs/scaling.md): each with its own JVM, pool, scheduler and sealer. What must happen
 * once happens once, whichever instance a request or a background run lands on.
 *
 * <p>Both are the artifact that ships ({@code target/quarkus-app}, so this runs after the package
 * phase, in failsafe), in the production profile with the README's settings, on the test schema
 * (cleaned and migrated afresh by the first: the unit tests are done with it by then). Neither is
 * a test's in-process application, so both run their background work exactly as in production.
 */
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SCHEMA = env("TEST_DB_SCHEMA", "homework_test");
    private static final String SERVICE_ROLE = SCHEMA + "_app";
    private static final String DB_URL = env("DB_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String ATTEMPT = "{\"occurredAt\":\"2026-01-06T18:30:00+01:00\",\"outcome\":\"completed\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws SQLException {
        Path runner = Path.of(System.getProperty("homework.runner-jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        Map<String, String> cleaning = new HashMap<>(settings());
        cleaning.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        cleaning.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        first = ServiceInstance.start("instance-one", runner, cleaning, jvmOptions("instance-one"));
        second = ServiceInstance.start("instance-two", runner, settings(), jvmOptions("instance-two"));
        countScoreWrites();
    }

    @AfterAll
    static void stopBoth() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void shouldReplayAKeyUsedOnOneInstanceFromTheOther() throws Exception {
        UUID clinicId = UUID.randomUUID();
        String token = Tokens.staff(clinicId, "clinician");
        UUID assignmentId = assignmentOfANewClient(token);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> original = postAttempt(first, token, assignmentId, key);
        HttpResponse<String> retried = postAttempt(second, token, assignmentId, key);

        assertEquals(201, original.statusCode(), original.body());
        assertTrue(original.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(original.body(), retried.body());
        assertEquals(original.headers().firstValue("Location"), retried.headers().firstValue("Location"));
        assertEquals(1, attemptsOf(clinicId, assignmentId));
    }

    @Test
    void shouldRunAKeySentToBothInstancesAtOnceOnce() throws Exception {
        UUID clinicId = UUID.randomUUID();
        String token = Tokens.staff(clinicId, "clinician");
        UUID assignmentId = assignmentOfANewClient(token);
        int keys = 12;
        ExecutorService pair = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < keys; round++) {
                String key = UUID.randomUUID().toString();
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> onFirst = pair.submit(() -> {
                    go.await();
                    return postUntilAnswered(first, token, assignmentId, key);
                });
                Future<HttpResponse<String>> onSecond = pair.submit(() -> {
                    go.await();
                    return postUntilAnswered(second, token, assignmentId, key);
                });
                go.countDown();
                HttpResponse<String> a = onFirst.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                HttpResponse<String> b = onSecond.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

                assertEquals(201, a.statusCode(), a.body());
                assertEquals(201, b.statusCode(), b.body());
                assertEquals(a.body(), b.body(), "both instances answer the one run");
                assertEquals(a.headers().firstValue("Location"), b.headers().firstValue("Location"));
                long replays = List.of(a, b).stream()
                        .filter(answer -> answer.headers().firstValue("Idempotent-Replayed").isPresent()).count();
                assertEquals(1, replays, "exactly one of the two ran the request");
            }
        } finally {
            pair.shutdownNow();
        }
        assertEquals(keys, attemptsOf(clinicId, assignmentId));
    }

    /**
     * The test holds the clinic's refresh lock (ScoreStore.lockClinic) while it makes a score stale,
     * until both instances' background refreshes wait for it, so both surely reach the stale
     * client together; then it lets them go. A trigger of the test's counts every score written.
     */
    @Test
    void shouldRefreshAStaleScoreOnceThoughBothInstancesRefreshIt() throws Exception {
        UUID clinicId = UUID.randomUUID();
        String token = Tokens.staff(clinicId, "clinician");
        UUID clientId;
        try (Connection holder = owner(); Connection watcher = owner()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, clinicId.toString());
                lock.execute();
            }
            clientId = createdId(first, token, "/v1/clients", "{\"timeZone\":\"Europe/Berlin\"}");
            UUID assignmentId = createdId(second, token, "/v1/clients/" + clientId + "/assignments", assignment());
            assertEquals(201, postAttempt(first, token, assignmentId, UUID.randomUUID().toString()).statusCode());

            awaitUntil("both instances' background refreshes to wait for the clinic",
                    () -> refreshesWaitingFor(watcher, clinicId).equals(Set.of("instance-one", "instance-two")));
            double firstRuns = first.metric("homework_scores_refresh_seconds_count");
            double secondRuns = second.metric("homework_scores_refresh_seconds_count");
            holder.commit();

            awaitUntil("the stale score to be refreshed", () -> isFresh(clinicId, clientId));
            // The waiting runs end, and each instance runs once more from the start: any second
            // scoring of the client would have been written by then.
            awaitUntil("each instance to finish a later refresh",
                    () -> first.metric("homework_scores_refresh_seconds_count") >= firstRuns + 2
                            && second.metric("homework_scores_refresh_seconds_count") >= secondRuns + 2);
        }
        assertEquals(1, scoreWrites(clinicId, clientId), "times the client's score was computed and written");
    }

    @Test
    void shouldKeepTheAuditChainIntactUnderWritersOnBothInstances() throws Exception {
        UUID clinicId = UUID.randomUUID();
        String token = Tokens.staff(clinicId, "clinician");
        String admin = Tokens.staff(clinicId, "admin");
        UUID assignmentId = assignmentOfANewClient(token);
        int writers = 4;
        int requestsEach = 30;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> running = new ArrayList<>();
        try {
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                running.add(pool.submit(() -> {
                    go.await();
                    List<String> requestIds = new ArrayList<>();
                    for (int i = 0; i < requestsEach; i++) {
                        ServiceInstance instance = (w + i) % 2 == 0 ? first : second;
                        String requestId = "chain-" + w + "-" + i + "-" + UUID.randomUUID();
                        HttpResponse<String> answer = i % 2 == 0
                                ? send(instance, request(instance, token, "/v1/assignments/" + assignmentId
                                        + "/attempts").header("X-Request-Id", requestId)
                                        .POST(HttpRequest.BodyPublishers.ofString(ATTEMPT)))
                                : send(instance, request(instance, token, "/v1/assignments/" + assignmentId)
                                        .header("X-Request-Id", requestId).GET());
                        assertEquals(i % 2 == 0 ? 201 : 200, answer.statusCode(), answer.body());
                        requestIds.add(requestId);
                    }
                    return requestIds;
                }));
            }
            // Verifications seal first, so both instances seal while the writers write, besides
            // their schedules; every one of them must find the chain intact.
            Future<Integer> verifying = pool.submit(() -> {
                go.await();
                int verified = 0;
                while (verified < 2 || running.stream().anyMatch(writer -> !writer.isDone())) {
                    JsonNode answer = verify(verified % 2 == 0 ? first : second, admin);
                    assertTrue(answer.path("intact").asBoolean(), answer.toString());
                    verified++;
                }
                return verified;
            });
            go.countDown();
            Set<String> requestIds = new HashSet<>();
            for (Future<List<String>> writer : running) {
                requestIds.addAll(writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            assertTrue(verifying.get(PATIENCE.toSeconds(), TimeUnit.SECONDS) >= 2);

            JsonNode[] sealed = new JsonNode[1];
            // Events of transactions that other sessions' older transactions still hold behind the
            // snapshot's xmin are sealed once those end.
            awaitUntil("every event to be sealed", () -> {
                sealed[0] = verify(first, admin);
                return sealed[0].path("unsealedEvents").asLong() == 0;
            });
            JsonNode fromFirst = sealed[0];
            JsonNode fromSecond = verify(second, admin);
            assertTrue(fromFirst.path("intact").asBoolean(), fromFirst.toString());
            assertTrue(fromSecond.path("intact").asBoolean(), fromSecond.toString());
            assertEquals(0, fromFirst.path("findings").size(), fromFirst.toString());
            assertEquals(fromFirst.path("headHash").asText(), fromSecond.path("headHash").asText());
            assertEquals(fromFirst.path("blocks").asLong(), fromSecond.path("blocks").asLong());
            assertTrue(fromFirst.path("blocks").asLong() >= 2, "sealed in several blocks: " + fromFirst);

            Map<String, Integer> eventsPerRequest = auditEventsPerRequest(clinicId);
            for (String requestId : requestIds) {
                assertEquals(1, eventsPerRequest.getOrDefault(requestId, 0), "events of request " + requestId);
            }
            long[] sealing = sealing(clinicId);
            assertEquals(sealing[0], sealing[1], "an event sealed into more than one block");
            assertEquals(sealing[2], sealing[0], "events in the trail against events sealed");
            assertEquals(sealing[0], fromFirst.path("sealedEvents").asLong());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldDeliverEachWebhookMessageOnceThoughBothInstancesDispatch() throws Exception {
        List<String> arrived = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            UUID clinicId = UUID.randomUUID();
            createdId(first, Tokens.staff(clinicId, "admin"), "/v1/webhooks", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\",\"eventTypes\":[\"goal.created\"]}");
            String token = Tokens.staff(clinicId, "clinician");
            UUID clientId = createdId(first, token, "/v1/clients", "{\"timeZone\":\"Europe/Berlin\"}");
            int goals = 40;
            for (int i = 0; i < goals; i++) {
                createdId(i % 2 == 0 ? first : second, token, "/v1/clients/" + clientId + "/goals",
                        "{\"title\":\"Goal " + i + "\"}");
            }

            awaitUntil(goals + " deliveries", () -> arrived.size() >= goals);
            // Both dispatchers poll every 250 ms: a message delivered twice would arrive by now.
            Thread.sleep(2000);
            assertEquals(goals, arrived.size(), "deliveries");
            assertEquals(goals, new HashSet<>(arrived).size(), "distinct webhook-ids");
        } finally {
            receiver.stop(0);
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("DB_URL", DB_URL);
        settings.put("DB_SCHEMA", SCHEMA);
        settings.put("DB_USER", SERVICE_ROLE);
        // Two pools beside the other test runs that share this PostgreSQL.
        settings.put("DB_POOL_MAX", "6");
        settings.put("PORT", "0");
        settings.put("MANAGEMENT_PORT", "0");
        settings.put("MANAGEMENT_HOST", "localhost");
        settings.put("JWT_ISSUER", Tokens.ISSUER);
        settings.put("JWT_AUDIENCE", Tokens.AUDIENCE);
        settings.put("JWT_PUBLIC_KEY_LOCATION", Path.of("dev/keys/publicKey.pem").toAbsolutePath().toString());
        settings.put("SYNC_CURSOR_KEY", "two-instances-test-only-sync-cursor-key-not-a-secret");
        // Both schedules run often, so the background work of both overlaps within the test.
        settings.put("SCORES_REFRESH_EVERY", "1s");
        settings.put("AUDIT_SEAL_EVERY", "1s");
        settings.put("SHUTDOWN_DELAY", "0s");
        settings.put("SHUTDOWN_TIMEOUT", "5s");
        settings.put("ACCESS_LOG", "OFF");
        // Webhooks to the test's receiver on loopback; both instances dispatch.
        settings.put("WEBHOOK_ALLOW_INSECURE", "true");
        settings.put("WEBHOOK_DISPATCHER_ENABLED", "true");
        return settings;
    }

    /** Each instance names its connections, so the test can tell whose session waits for a lock. */
    private static List<String> jvmOptions(String name) {
        return List.of("-Xmx256m", "-Dquarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName=" + name);
    }

    /**
     * A trigger of the test's own on the kept scores, counting per client every score that a
     * refresh computed and wrote. The schema is the test's; the service does not know of it.
     */
    private static void countScoreWrites() throws SQLException {
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            statement.execute("""
                    create table test_score_writes (clinic_id uuid, client_id uuid, writes integer not null,
                        primary key (clinic_id, client_id))""");
            statement.execute("""
                    create function test_count_score_write() returns trigger language plpgsql security definer
                    set search_path from current as $$
                    begin
                        insert into test_score_writes values (new.clinic_id, new.client_id, 1)
                        on conflict (clinic_id, client_id) do update set writes = test_score_writes.writes + 1;
                        return null;
                    end $$""");
            statement.execute("""
                    create trigger test_count_score_write after insert or update of computed_at on client_score
                    for each row when (new.computed_at is not null) execute function test_count_score_write()""");
        }
    }

    private static int scoreWrites(UUID clinicId, UUID clientId) throws SQLException {
        try (Connection owner = owner(); PreparedStatement query = owner.prepareStatement(
                "select writes from test_score_writes where clinic_id = ? and client_id = ?")) {
            query.setObject(1, clinicId);
            query.setObject(2, clientId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** The instances (by connection name) whose sessions wait for the clinic's refresh lock. */
    private static Set<String> refreshesWaitingFor(Connection watcher, UUID clinicId) {
        // A bigint advisory key shows as its high half in classid and its low half in objid.
        String waiting = """
                select distinct a.application_name
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                cross join (select hashtextextended(?, 0) as key) k
                where l.locktype = 'advisory' and not l.granted and l.objsubid = 1
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid::text::bigint = (k.key >> 32) & 4294967295
                  and l.objid::text::bigint = k.key & 4294967295""";
        try (PreparedStatement query = watcher.prepareStatement(waiting)) {
            query.setString(1, clinicId.toString());
            Set<String> names = new HashSet<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    names.add(row.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFresh(UUID clinicId, UUID clientId) {
        return inClinic(clinicId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("select scored_version = data_version"
                    + " and computed_at is not null from client_score where clinic_id = ? and client_id = ?")) {
                query.setObject(1, clinicId);
                query.setObject(2, clientId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    private static long attemptsOf(UUID clinicId, UUID assignmentId) {
        return inClinic(clinicId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from attempt where clinic_id = ? and assignment_id = ?")) {
                query.setObject(1, clinicId);
                query.setObject(2, assignmentId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Map<String, Integer> auditEventsPerRequest(UUID clinicId) {
        return inClinic(clinicId, connection -> {
            Map<String, Integer> events = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select request_id, count(*) from audit_event where clinic_id = ? group by request_id")) {
                query.setObject(1, clinicId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        events.put(row.getString(1), row.getInt(2));
                    }
                }
            }
            return events;
        });
    }

    /** Events listed in sealed blocks, distinct events among them, and events in the trail. */
    private static long[] sealing(UUID clinicId) {
        return inClinic(clinicId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select (select count(*) from audit_seal s cross join unnest(s.event_seqs) x where s.clinic_id = ?),
                           (select count(distinct x) from audit_seal s cross join unnest(s.event_seqs) x
                            where s.clinic_id = ?),
                           (select count(*) from audit_event where clinic_id = ?)""")) {
                query.setObject(1, clinicId);
                query.setObject(2, clinicId);
                query.setObject(3, clinicId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
                }
            }
        });
    }

    private static UUID assignmentOfANewClient(String token) {
        UUID clientId = createdId(first, token, "/v1/clients", "{\"timeZone\":\"Europe/Berlin\"}");
        return createdId(second, token, "/v1/clients/" + clientId + "/assignments", assignment());
    }

    private static String assignment() {
        return """
                {"title":"Touch the door handle without washing","kind":"exposure",
                 "schedule":{"type":"times_per_week","timesPerWeek":3,"startDate":"2026-01-05"}}""";
    }

    private static UUID createdId(ServiceInstance instance, String token, String path, String body) {
        HttpResponse<String> created = send(instance, request(instance, token, path)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(json(created).path("id").asText());
    }

    private static HttpResponse<String> postAttempt(ServiceInstance instance, String token, UUID assignmentId,
            String key) {
        return send(instance, request(instance, token, "/v1/assignments/" + assignmentId + "/attempts")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(ATTEMPT)));
    }

    /** Sends again while the other instance still runs the request under the key (409), as a client retries. */
    private static HttpResponse<String> postUntilAnswered(ServiceInstance instance, String token, UUID assignmentId,
            String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<String> answer = postAttempt(instance, token, assignmentId, key);
            if (answer.statusCode() != 409) {
                return answer;
            }
            assertTrue(Instant.now().isBefore(deadline), "the key stayed in progress: " + answer.body());
            Thread.sleep(20);
        }
    }

    private static JsonNode verify(ServiceInstance instance, String admin) {
        HttpResponse<String> answer = send(instance, request(instance, admin, "/v1/audit-events/verification").GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer);
    }

    private static HttpRequest.Builder request(ServiceInstance instance, String token, String path) {
        return HttpRequest.newBuilder(instance.api(path)).timeout(PATIENCE)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(ServiceInstance instance, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(instance.name + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the condition until it holds; fails, naming what was awaited, after the patience. */
    private static void awaitUntil(String awaited, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "waited " + PATIENCE.toSeconds() + " s for " + awaited);
            Thread.sleep(100);
        }
    }

    /** Work as the service's role within one clinic, as the service itself reads the database. */
    private static <T> T inClinic(UUID clinicId, SqlWork<T> work) {
        try (Connection connection = connect(SERVICE_ROLE, env("DB_PASSWORD", ""))) {
            connection.setAutoCommit(false);
            try (PreparedStatement name = connection.prepareStatement("select set_config('app.clinic_id', ?, true)")) {
                name.setString(1, clinicId.toString());
                name.execute();
            }
            T result = work.on(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface SqlWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The owner of the schema, as the migrations run: for the test's trigger and for locks. */
    private static Connection owner() throws SQLException {
        return connect(env("MIGRATION_DB_USER", "postgres"), env("MIGRATION_DB_PASSWORD", ""));
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("currentSchema", SCHEMA);
        return DriverManager.getConnection(DB_URL, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
