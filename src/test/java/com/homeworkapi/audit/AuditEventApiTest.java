package com.homeworkapi.audit;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin's view of the trail: the events, filtered and paged, and a verification that catches tampering. */
@QuarkusTest
class AuditEventApiTest {

    @Inject
    AuditRetention retention;

    @Test
    void shouldListEventsNewestFirstFilteredByClientActorAndOperation() {
        TestClinic clinic = new TestClinic();
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        clinic.clinician().get("/v1/clients/{id}", first).then().statusCode(200);
        clinic.clinician().get("/v1/clients/{id}/goals", first).then().statusCode(200);
        clinic.integration().get("/v1/clients/{id}", second).then().statusCode(200);

        clinic.admin().queryParam("clientId", first.toString()).get("/v1/audit-events").then().statusCode(200)
                .body(at("items.operation", contains("listGoals", "getClient", "createClient")))
                .body(at("items.clientId", everyItem(equalTo(first.toString()))))
                .body(at("nextCursor", nullValue()));
        clinic.admin().queryParam("operation", "getClient").get("/v1/audit-events").then().statusCode(200)
                .body(at("items.clientId", contains(second.toString(), first.toString())))
                .body(at("items[0].actorRoles", contains("integration")))
                .body(at("items[0].requestId", notNullValue()));
        String integrationSubject = Json.path(clinic.admin().queryParam("clientId", second.toString())
                .queryParam("operation", "getClient").get("/v1/audit-events"), "items[0].actorSubject");
        clinic.admin().queryParam("actor", integrationSubject).get("/v1/audit-events").then().statusCode(200)
                .body(at("items.operation", contains("getClient")));
    }

    @Test
    void shouldPageThroughEveryEventOnceAndFilterByTime() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        for (int read = 0; read < 4; read++) {
            clinic.clinician().get("/v1/clients/{id}", clientId).then().statusCode(200);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = clinic.admin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = Json.of(request.get("/v1/audit-events").then().statusCode(200).extract().response());
            seen.addAll(Json.texts(page.path("items"), "id"));
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);

        assertEquals(5, seen.size(), "createClient and four reads: " + seen);
        assertEquals(5, seen.stream().distinct().count());
        clinic.admin().queryParam("from", "2999-01-01T00:00:00Z").get("/v1/audit-events").then().statusCode(200)
                .body(at("items", empty()));
        clinic.admin().queryParam("to", "2000-01-01T00:00:00Z").get("/v1/audit-events").then().statusCode(200)
                .body(at("items", empty()));
    }

    @Test
    void shouldRefuseFiltersItCannotRead() {
        TestClinic clinic = new TestClinic();

        Problems.assertInvalidField(badInput(clinic).queryParam("clientId", "not-a-uuid").get("/v1/audit-events"),
                "clientId");
        Problems.assertInvalidField(badInput(clinic).queryParam("from", "yesterday").get("/v1/audit-events"), "from");
        Problems.assertInvalidField(clinic.admin().queryParam("from", "2026-03-02T00:00:00Z")
                .queryParam("to", "2026-03-01T00:00:00Z").get("/v1/audit-events"), "to");
        Problems.assertInvalidField(badInput(clinic).queryParam("actor", "x".repeat(256)).get("/v1/audit-events"),
                "actor");
        Problems.assertInvalidField(clinic.admin().queryParam("cursor", "bm90IG91cnM").get("/v1/audit-events"),
                "cursor");
    }

    @Test
    void shouldVerifyAnIntactChainAndNameTheEventEditedOrRemovedBehindTheServicesBack() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String edited = UUID.randomUUID().toString();
        String removed = UUID.randomUUID().toString();
        clinic.clinician().header("X-Request-Id", edited).get("/v1/clients/{id}", clientId).then().statusCode(200);
        clinic.clinician().header("X-Request-Id", removed).get("/v1/clients/{id}", clientId).then().statusCode(200);

        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200)
                .body(at("intact", equalTo(true)))
                .body(at("sealedEvents", equalTo(3)))
                .body(at("unsealedEvents", equalTo(0)))
                .body(at("findings", empty()));
        String editedId = AuditRows.ofRequest(edited).get(0).get("id");
        String removedId = AuditRows.ofRequest(removed).get(0).get("id");
        tamper("update audit_event set status = 404 where id = '" + editedId + "'",
                "delete from audit_event where id = '" + removedId + "'");

        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200)
                .body(at("intact", equalTo(false)))
                .body(at("findings", hasSize(2)))
                .body(at("findings.eventId", contains(editedId, removedId)))
                .body(at("findings.problem", contains("event_altered", "event_missing")));
    }

    @Test
    void shouldNoticeAnEventSlippedInBehindTheSealedChain() {
        TestClinic clinic = new TestClinic();
        clinic.createClient();
        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200).body(at("intact", equalTo(true)));
        // Copied from a sealed event, with an old transaction id so that it sorts behind the seal.
        tamper("insert into audit_event (clinic_id, txid, actor_subject, actor_roles, operation, resource_type,"
                + " status, request_id) select clinic_id, '1'::xid8, actor_subject, actor_roles, 'getClient',"
                + " resource_type, 200, 'forged' from audit_event where clinic_id = '" + clinic.id + "'");
        String forgedId = AuditRows.ofRequest("forged").get(0).get("id");

        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200)
                .body(at("intact", equalTo(false)))
                .body(at("findings.eventId", contains(forgedId)))
                .body(at("findings.problem", contains("event_not_sealed")));
    }

    @Test
    void shouldDeleteOnlyEventsPastTheRetentionAndKeepTheRestVerifiable() throws SQLException {
        TestClinic clinic = new TestClinic();
        assertNull(AuditRows.execute("insert into audit_event (clinic_id, occurred_at, actor_subject, actor_roles,"
                + " operation, resource_type, status, request_id) select '" + clinic.id + "',"
                + " clock_timestamp() - interval '7 years', 'staff', 'clinician', 'getClient', 'client', 200,"
                + " 'expired-' || n from generate_series(1, 3) n"));
        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200).body(at("blocks", equalTo(1)));
        clinic.createClient();
        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200).body(at("blocks", equalTo(2)));

        retention.deleteExpired();

        assertEquals(List.of(), AuditRows.query("select * from audit_event where request_id like 'expired-%'"
                + " and clinic_id = ?", clinic.id));
        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200)
                .body(at("intact", equalTo(true)))
                .body(at("blocks", equalTo(1)))
                .body(at("firstBlock", equalTo(2)))
                .body(at("sealedEvents", equalTo(1)));
        clinic.admin().queryParam("operation", "createClient").get("/v1/audit-events").then().statusCode(200)
                .body(at("items", hasSize(1)));
    }

    @Test
    void shouldShowNoClinicAnotherClinicsEvents() {
        TestClinic clinic = new TestClinic();
        TestClinic other = new TestClinic();
        UUID othersClient = other.createClient();

        clinic.admin().queryParam("clientId", othersClient.toString())
                .get("/v1/audit-events").then().statusCode(200).body(at("items", empty()));
        clinic.admin().get("/v1/audit-events/verification").then().statusCode(200)
                .body(at("blocks", equalTo(0))).body(at("sealedEvents", equalTo(0)));
    }

    private static void tamper(String... statements) {
        List<String> all = new ArrayList<>();
        all.add("alter table audit_event disable trigger audit_event_append_only");
        all.addAll(List.of(statements));
        all.add("alter table audit_event enable trigger audit_event_append_only");
        assertNull(AuditRows.execute(all.toArray(String[]::new)));
    }

    private static RequestSpecification badInput(TestClinic clinic) {
        return clinic.sendingBadInputTo(ApiOperation.LIST_AUDIT_EVENTS);
    }
}
