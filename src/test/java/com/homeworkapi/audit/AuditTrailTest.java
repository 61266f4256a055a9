package com.homeworkapi.audit;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What each kind of request leaves in the audit trail, and that nothing is answered unaudited. */
@QuarkusTest
class AuditTrailTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void shouldRecordWhoReadAClientsComplianceWithTheCallersRequestId() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String requestId = "dashboard-" + UUID.randomUUID();

        clinic.clinician().header("X-Request-Id", requestId).header("User-Agent", "Dashboard/2.1")
                .get("/v1/clients/{id}/compliance", clientId)
                .then().statusCode(200).header("X-Request-Id", requestId);

        Map<String, String> event = AuditRows.onlyEventOf(requestId);
        assertAll(
                () -> assertEquals(clinic.id.toString(), event.get("clinic_id")),
                () -> assertEquals("getClientCompliance", event.get("operation")),
                () -> assertEquals("client", event.get("resource_type")),
                () -> assertEquals(clientId.toString(), event.get("resource_id")),
                () -> assertEquals(clientId.toString(), event.get("client_id")),
                () -> assertEquals("200", event.get("status")),
                () -> assertEquals("clinician", event.get("actor_roles")),
                () -> assertNotNull(event.get("actor_subject")),
                () -> assertNull(event.get("actor_client_id")),
                () -> assertEquals("Dashboard/2.1", event.get("user_agent")),
                () -> assertNotNull(event.get("source_address")),
                () -> assertNotNull(event.get("occurred_at")));
    }

    @Test
    void shouldReplaceARequestIdThatIsTooLongOrUnsafeWithOneOfItsOwn() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        for (String unsafe : List.of("x".repeat(65), "a b", "id;drop", "\u00e9t\u00e9")) {
            clinic.clinician().header("X-Request-Id", unsafe).get("/v1/clients/{id}", clientId)
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        }
        String generated = clinic.clinician().get("/v1/clients/{id}", clientId)
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");
        assertEquals("getClient", AuditRows.ofRequest(generated).get(0).get("operation"));
    }

    @Test
    void shouldNameTheClientACreationMade() {
        TestClinic clinic = new TestClinic();
        String requestId = UUID.randomUUID().toString();

        String location = clinic.integration().header("X-Request-Id", requestId)
                .body(Map.of("timeZone", "Europe/Berlin")).post("/v1/clients")
                .then().statusCode(201).extract().header("Location");

        Map<String, String> event = AuditRows.ofRequest(requestId).get(0);
        String clientId = location.substring(location.lastIndexOf('/') + 1);
        assertAll(
                () -> assertEquals("createClient", event.get("operation")),
                () -> assertEquals(clientId, event.get("resource_id")),
                () -> assertEquals(clientId, event.get("client_id")),
                () -> assertEquals("integration", event.get("actor_roles")));
    }

    @Test
    void shouldRecordAClientsOwnAttemptWithTheClientItWasFor() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        String requestId = UUID.randomUUID().toString();

        clinic.client(clientId).header("X-Request-Id", requestId)
                .body(Map.of("occurredAt", "2026-01-06T18:30:00+01:00", "outcome", "completed"))
                .post("/v1/assignments/{id}/attempts", assignmentId)
                .then().statusCode(201);

        Map<String, String> event = AuditRows.ofRequest(requestId).get(0);
        assertAll(
                () -> assertEquals("logAttempt", event.get("operation")),
                () -> assertEquals("assignment", event.get("resource_type")),
                () -> assertEquals(assignmentId.toString(), event.get("resource_id")),
                () -> assertEquals(clientId.toString(), event.get("client_id")),
                () -> assertEquals(clientId.toString(), event.get("actor_client_id")),
                () -> assertEquals("client", event.get("actor_roles")),
                () -> assertEquals("201", event.get("status")));
    }

    @Test
    void shouldRecordRefusalsWithTheirStatusButNothingForACallerWithoutAValidToken() {
        TestClinic clinic = new TestClinic();
        TestClinic other = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID othersClient = other.createClient();
        String absent = UUID.randomUUID().toString();
        String forbidden = UUID.randomUUID().toString();
        String unauthenticated = UUID.randomUUID().toString();

        clinic.clinician().header("X-Request-Id", absent).get("/v1/clients/{id}", othersClient)
                .then().statusCode(404);
        clinic.client(clientId).header("X-Request-Id", forbidden).get("/v1/reports/at-risk")
                .then().statusCode(403);
        given().header("X-Request-Id", unauthenticated).get("/v1/clients/{id}", clientId)
                .then().statusCode(401).header("X-Request-Id", unauthenticated);

        Map<String, String> lookedElsewhere = AuditRows.ofRequest(absent).get(0);
        Map<String, String> refusedRole = AuditRows.ofRequest(forbidden).get(0);
        assertAll(
                () -> assertEquals(clinic.id.toString(), lookedElsewhere.get("clinic_id")),
                () -> assertEquals("404", lookedElsewhere.get("status")),
                () -> assertEquals(othersClient.toString(), lookedElsewhere.get("resource_id")),
                () -> assertEquals("getAtRiskReport", refusedRole.get("operation")),
                () -> assertEquals("403", refusedRole.get("status")),
                () -> assertEquals(clientId.toString(), refusedRole.get("actor_client_id")),
                () -> assertEquals(List.of(), AuditRows.ofRequest(unauthenticated)),
                () -> assertEquals(List.of(), AuditRows.query(
                        "select * from audit_event where clinic_id = ? and status <> 201", other.id)));
    }

    @Test
    void shouldRecordOneEventPerReportOrListOfClientsNamingHowManyClientsItCovered() {
        TestClinic clinic = new TestClinic();
        clinic.createClient();
        clinic.createClient();
        String json = UUID.randomUUID().toString();
        String csv = UUID.randomUUID().toString();

        String list = UUID.randomUUID().toString();
        clinic.clinician().header("X-Request-Id", list).get("/v1/clients").then().statusCode(200);
        clinic.clinician().header("X-Request-Id", json).get("/v1/reports/compliance").then().statusCode(200);
        clinic.clinician().header("X-Request-Id", csv).accept("text/csv").get("/v1/reports/compliance")
                .then().statusCode(200);

        List<Map<String, String>> jsonEvents = AuditRows.ofRequest(json);
        List<Map<String, String>> csvEvents = AuditRows.ofRequest(csv);
        assertAll(
                () -> assertEquals(1, jsonEvents.size()),
                () -> assertEquals("getComplianceReport", jsonEvents.get(0).get("operation")),
                () -> assertEquals("report", jsonEvents.get(0).get("resource_type")),
                () -> assertEquals("2", jsonEvents.get(0).get("clients_covered")),
                () -> assertNull(jsonEvents.get(0).get("client_id")),
                () -> assertEquals(1, csvEvents.size()),
                () -> assertEquals("getComplianceReport", csvEvents.get(0).get("operation")),
                () -> assertEquals("2", csvEvents.get(0).get("clients_covered")),
                () -> assertEquals("2", AuditRows.ofRequest(list).get(0).get("clients_covered")));
    }

    @Test
    void shouldNameEveryClientABatchOfAttemptsTouched() {
        TestClinic clinic = new TestClinic();
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        UUID firstAssignment = clinic.createAssignment(first);
        UUID secondAssignment = clinic.createAssignment(second);
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("attempts", List.of(
                attempt(firstAssignment), attempt(secondAssignment), attempt(UUID.randomUUID())));

        clinic.clinician().header("X-Request-Id", requestId).body(batch).post("/v1/sync/attempts")
                .then().statusCode(200);

        Set<String> clients = AuditRows.ofRequest(requestId).stream().map(event -> event.get("client_id"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(first.toString(), second.toString()), clients);
    }

    @Test
    void shouldAnswer503AndChangeNothingWhenTheAuditEventCannotBeStored() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String refuseThisClinic = "audit_refused_" + clinic.id.toString().replace('-', '_');
        assertNull(AuditRows.execute("alter table audit_event add constraint " + refuseThisClinic
                + " check (clinic_id <> '" + clinic.id + "') not valid"));
        try {
            String token = Tokens.staff(clinic.id, "clinician");
            Response read = given().auth().oauth2(token).get("/v1/clients/{id}/compliance", clientId);
            Response write = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "Ride the bus to work")).post("/v1/clients/{id}/goals", clientId);

            Problems.assertProblem(read, 503);
            read.then().header("Retry-After", equalTo("1"));
            Problems.assertProblem(write, 503);
            write.then().header("Retry-After", equalTo("1"));
        } finally {
            assertNull(AuditRows.execute("alter table audit_event drop constraint " + refuseThisClinic));
        }
        clinic.clinician().get("/v1/clients/{id}/goals", clientId).then().statusCode(200)
                .body(at("items.size()", equalTo(0)));
    }

    /**
     * A read's event is inserted in the read's own transaction, which commits without waiting for
     * the disk; a write's in the write's, which waits. A trigger of this test's, on this clinic's
     * events only, notes the setting each insert saw, and whether its transaction is the one that
     * read the client (it still holds its lock on the table then).
     */
    @Test
    void shouldCommitAReadsEventWithTheReadWithoutWaitingForTheDiskAndAWritesDurably() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String probe = "audit_probe_" + clinic.id.toString().replace('-', '_');
        assertNull(AuditRows.execute(
                "create table " + probe + " (request_id text, synchronous_commit text, with_the_call boolean)",
                "create function " + probe + "() returns trigger language plpgsql security definer"
                        + " set search_path from current as $$ begin insert into " + probe
                        + " values (new.request_id, current_setting('synchronous_commit'),"
                        + " exists (select from pg_locks where pid = pg_backend_pid() and locktype = 'relation'"
                        + " and relation = 'client'::regclass)); return new; end $$",
                "create trigger " + probe + " before insert on audit_event for each row when (new.clinic_id = '"
                        + clinic.id + "') execute function " + probe + "()"));
        try {
            clinic.clinician().header("X-Request-Id", "probe-read-" + clinic.id)
                    .get("/v1/clients/{id}/compliance", clientId).then().statusCode(200);
            clinic.clinician().header("X-Request-Id", "probe-write-" + clinic.id).contentType(ContentType.JSON)
                    .body(Map.of("title", "Ride the bus to work")).post("/v1/clients/{id}/goals", clientId)
                    .then().statusCode(201);

            Map<String, String> read = AuditRows.query("select * from " + probe + " where request_id = ?",
                    "probe-read-" + clinic.id).get(0);
            Map<String, String> write = AuditRows.query("select * from " + probe + " where request_id = ?",
                    "probe-write-" + clinic.id).get(0);
            assertAll(
                    () -> assertEquals("off", read.get("synchronous_commit")),
                    () -> assertEquals("t", read.get("with_the_call")),
                    () -> assertEquals("on", write.get("synchronous_commit")),
                    () -> assertEquals("t", write.get("with_the_call")));
        } finally {
            assertNull(AuditRows.execute("drop trigger " + probe + " on audit_event", "drop function " + probe + "()",
                    "drop table " + probe));
        }
    }

    @Test
    void shouldRefuseToUpdateOrDeleteAnEventEvenForTheOwner() throws SQLException {
        TestClinic clinic = new TestClinic();
        clinic.clinician().get("/v1/clients").then().statusCode(200);
        UUID clientId = clinic.createClient();
        String requestId = UUID.randomUUID().toString();
        clinic.clinician().header("X-Request-Id", requestId).get("/v1/clients/{id}", clientId).then().statusCode(200);

        SQLException update = AuditRows.execute("update audit_event set status = 500 where request_id = '"
                + requestId + "'");
        SQLException delete = AuditRows.execute("delete from audit_event where request_id = '" + requestId + "'");
        SQLException truncate = AuditRows.execute("truncate audit_event");
        SQLException tooEarly = AuditRows.execute("select audit_delete_expired(now() - interval '5 years')");
        SQLException asTheService = null;
        try (Connection service = ClinicDatabase.connection(clinic.id); Statement statement = service.createStatement()) {
            try {
                statement.executeUpdate("delete from audit_event where request_id = '" + requestId + "'");
            } catch (SQLException refused) {
                asTheService = refused;
            }
            service.rollback();
        }
        SQLException serviceRefused = asTheService;

        assertAll(
                () -> assertNotNull(update, "update refused"),
                () -> assertNotNull(delete, "delete refused"),
                () -> assertNotNull(truncate, "truncate refused"),
                () -> assertNotNull(tooEarly, "deleting events younger than six years refused"),
                () -> assertNotNull(serviceRefused, "the service's role has no DELETE"),
                () -> assertEquals("200", AuditRows.ofRequest(requestId).get(0).get("status")));
    }

    @Test
    void shouldCountEventsWrittenFromZeroAtStart() {
        String metrics = given().baseUri("http://" + management.getHost() + ":" + management.getPort())
                .get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(metrics.contains("homework_audit_events_written_total"), "the counter is registered");
    }

    @Test
    void shouldLeaveClinicSettingsOutOfTheTrail() {
        TestClinic clinic = new TestClinic();
        String requestId = UUID.randomUUID().toString();

        clinic.staff(ApiOperation.GET_CLINIC_SETTINGS.audience.staffRole()).header("X-Request-Id", requestId)
                .get("/v1/clinic/settings").then().statusCode(200).header("X-Request-Id", requestId);

        assertEquals(List.of(), AuditRows.ofRequest(requestId));
    }

    private static Map<String, Object> attempt(UUID assignmentId) {
        return Map.of("id", UUID.randomUUID().toString(), "assignmentId", assignmentId.toString(),
                "occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "completed");
    }
}
