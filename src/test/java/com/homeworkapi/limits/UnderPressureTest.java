package com.homeworkapi.limits;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Answers under pressure: over a rate limit, too many reports at once, a pool run dry, a statement too slow. */
@QuarkusTest
@TestProfile(TightLimits.class)
class UnderPressureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRefuseACallerOverItsRateWith429AndTheDraftsFields() {
        TestClinic clinic = new TestClinic();
        double limitedBefore = limited("caller");
        String token = Tokens.staff(clinic.id, "clinician");
        for (int i = 0; i < TightLimits.CALLER_REQUESTS; i++) {
            TestClinic.as(token).get("/v1/clients").then().statusCode(200);
        }

        Response refused = TestClinic.as(token).get("/v1/clients");

        Problems.assertProblem(refused, 429);
        assertAll(
                () -> assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, "Retry-After"),
                () -> assertEquals("\"caller\";q=5;w=3600, \"clinic\";q=30;w=3600", refused.header("RateLimit-Policy")),
                () -> assertTrue(refused.header("RateLimit").matches("\"caller\";r=0;t=\\d+"), refused.header("RateLimit")),
                () -> assertEquals(limitedBefore + 1, limited("caller")));
        // Another caller of the same clinic has a bucket of its own.
        clinic.admin().get("/v1/clients").then().statusCode(200);
    }

    @Test
    void shouldRefuseAClinicOverItsRateWhateverItsCallers() {
        TestClinic clinic = new TestClinic();
        double limitedBefore = limited("clinic");
        int sent = 0;
        while (sent < TightLimits.CLINIC_REQUESTS) {
            String token = Tokens.staff(clinic.id, "clinician");
            for (int i = 0; i < TightLimits.CALLER_REQUESTS && sent < TightLimits.CLINIC_REQUESTS; i++, sent++) {
                TestClinic.as(token).get("/v1/clients").then().statusCode(200);
            }
        }

        Response refused = clinic.integration().get("/v1/clients");

        Problems.assertProblem(refused, 429);
        assertTrue(refused.header("RateLimit").startsWith("\"clinic\";r=0;t="), refused.header("RateLimit"));
        assertEquals(limitedBefore + 1, limited("clinic"));
        // Another clinic is not held to this one's rate.
        new TestClinic().clinician().get("/v1/clients").then().statusCode(200);
    }

    @Test
    void shouldLetAClinicRunOneReportAtATimeAndAnswerTheNext503() throws Exception {
        TestClinic clinic = new TestClinic();
        TestClinic other = new TestClinic();
        try (Connection owner = ownerConnection(); Statement lock = owner.createStatement()) {
            // The first report waits for this lock while it holds the clinic's one turn.
            owner.setAutoCommit(false);
            lock.execute("lock table client_week_score in access exclusive mode");
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> clinic.clinician().get("/v1/reports/compliance"));
            awaitWaitingForLock("client_week_score");

            Response second = clinic.admin().get("/v1/reports/at-risk");
            Response otherClinics = other.clinician().get("/v1/reports/at-risk");
            owner.rollback();

            Problems.assertProblem(second, 503);
            assertEquals("2", second.header("Retry-After"));
            otherClinics.then().statusCode(200);
            first.get().then().statusCode(200);
        }
    }

    @Test
    void shouldKeepAnotherClinicsReadsWorkingWhileOneClinicAsksForManyReports() throws Exception {
        TestClinic busy = new TestClinic();
        busy.createClient();
        TestClinic quiet = new TestClinic();
        UUID quietClient = quiet.createClient();
        ExecutorService threads = Executors.newFixedThreadPool(24);
        try {
            List<Future<HttpResponse<String>>> reports = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = Tokens.staff(busy.id, "clinician");
                String path = i % 2 == 0 ? "/v1/reports/compliance" : "/v1/reports/at-risk";
                reports.add(threads.submit(() -> get(path, token)));
            }
            List<Future<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = Tokens.staff(quiet.id, "clinician");
                reads.add(threads.submit(() -> get("/v1/clients/" + quietClient, token)));
            }

            for (Future<HttpResponse<String>> read : reads) {
                assertEquals(200, read.get().statusCode(), read.get().body());
            }
            int served = 0;
            for (Future<HttpResponse<String>> report : reports) {
                HttpResponse<String> answer = report.get();
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503, answer.statusCode() + " " + answer.body());
                if (answer.statusCode() == 503) {
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After on a 503");
                } else {
                    served++;
                }
            }
            assertTrue(served >= 1, "at least the clinic's turn was served");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenNoConnectionComesFree() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        List<Connection> held = new ArrayList<>();
        ExecutorService holders = Executors.newFixedThreadPool(TightLimits.POOL_SIZE);
        try {
            for (int i = 0; i < TightLimits.POOL_SIZE; i++) {
                held.add(holders.submit(() -> dataSource.getConnection()).get());
            }

            Response starved = clinic.clinician().get("/v1/clients/" + clientId);

            Problems.assertProblem(starved, 503);
            assertEquals("1", starved.header("Retry-After"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            holders.shutdownNow();
        }
        clinic.clinician().get("/v1/clients/" + clientId).then().statusCode(200);
    }

    @Test
    void shouldCancelAReadPastItsStatementTimeoutAndAnswer503() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        try (Connection owner = ownerConnection(); Statement lock = owner.createStatement()) {
            owner.setAutoCommit(false);
            // The read waits for this lock until its statement timeout (1 s in this profile) cancels it.
            lock.execute("lock table client in access exclusive mode");
            long started = System.nanoTime();

            Response cancelled = clinic.clinician().get("/v1/clients/" + clientId);

            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            owner.rollback();
            Problems.assertProblem(cancelled, 503);
            assertNotNull(cancelled.header("Retry-After"));
            assertTrue(tookMillis >= 900, "cancelled after " + tookMillis + " ms, before the timeout");
            assertTrue(Json.of(cancelled).path("detail").asText().contains("time limit"), Json.of(cancelled).toString());
        }
        clinic.clinician().get("/v1/clients/" + clientId).then().statusCode(200);
    }

    private double limited(String limit) {
        return metrics.get("homework.rate.limited.requests").tag("limit", limit).counter().count();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A connection of the schema's owner, beside the service's pool, to take locks the service then meets. */
    private static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        String user = config.getOptionalValue("quarkus.flyway.username", String.class)
                .orElse(config.getValue("quarkus.datasource.username", String.class));
        String password = config.getOptionalValue("quarkus.flyway.password", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class)).orElse("");
        Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                user, password);
        try (Statement schema = connection.createStatement()) {
            schema.execute("set search_path to " + config.getValue("homework.db.schema", String.class));
        }
        return connection;
    }

    /** Until some backend waits for a lock on the table. */
    private static void awaitWaitingForLock(String table) throws Exception {
        try (Connection watcher = ownerConnection(); Statement query = watcher.createStatement()) {
            for (int i = 0; i < 200; i++) {
                var waiting = query.executeQuery("select count(*) from pg_locks where not granted and relation = '"
                        + table + "'::regclass");
                waiting.next();
                if (waiting.getInt(1) > 0) {
                    return;
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("the report never waited for the lock");
    }
}
