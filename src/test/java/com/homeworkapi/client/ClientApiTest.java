package com.homeworkapi.client;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.Pages;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientApiTest {

    private static Map<String, Object> clientWithIdentifier(String system, String value) {
        return Map.of("timeZone", "America/New_York", "displayName", "J.",
                "externalIds", List.of(Map.of("system", system, "value", value)),
                "treatmentStartDate", "2026-03-02", "primaryClinicianId", "clinician-7");
    }

    @Test
    void shouldCreateClientAndReadItBack() {
        TestClinic clinic = new TestClinic();
        Response created = clinic.clinician().body(clientWithIdentifier("urn:ehr:epic", "MRN-1"))
                .post("/v1/clients");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body(at("status", equalTo("active")))
                .body(at("timeZone", equalTo("America/New_York")))
                .body(at("treatmentStartDate", equalTo("2026-03-02")))
                .body(at("externalIds[0].system", equalTo("urn:ehr:epic")))
                .body(at("createdAt", notNullValue()));
        String id = Json.path(created, "id");
        assertEquals("/v1/clients/" + id, java.net.URI.create(created.header("Location")).getPath());

        clinic.clinician().get("/v1/clients/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body(at("id", equalTo(id)))
                .body(at("displayName", equalTo("J.")))
                .body(at("primaryClinicianId", equalTo("clinician-7")));
    }

    @Test
    void shouldLetClientReadOnlyItsOwnRecord() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.client(clientId).get("/v1/clients/{id}", clientId).then().statusCode(200)
                .body(at("id", equalTo(clientId.toString())));
    }

    @Test
    void shouldFindClientByExternalIdentifier() {
        TestClinic clinic = new TestClinic();
        clinic.createClient(clientWithIdentifier("urn:ehr:epic", "MRN-1"));
        UUID wanted = clinic.createClient(clientWithIdentifier("urn:ehr:epic", "MRN-2"));

        clinic.clinician().queryParam("identifier", "urn:ehr:epic|MRN-2").get("/v1/clients").then().statusCode(200)
                .body(at("items.id", contains(wanted.toString())));
        clinic.clinician().queryParam("identifier", "urn:ehr:other|MRN-2").get("/v1/clients").then()
                .statusCode(200).body(at("items", empty()));
    }

    @Test
    void shouldRejectIdentifierAlreadyUsedInTheSameClinicButAllowItInAnother() {
        TestClinic clinic = new TestClinic();
        clinic.createClient(clientWithIdentifier("urn:ehr:epic", "MRN-9"));

        clinic.clinician().body(clientWithIdentifier("urn:ehr:epic", "MRN-9")).post("/v1/clients").then()
                .statusCode(409).body(at("status", equalTo(409)));
        clinic.clinician().get("/v1/clients").then().body(at("items", hasSize(1)));

        new TestClinic().createClient(clientWithIdentifier("urn:ehr:epic", "MRN-9"));
    }

    @Test
    void shouldFilterClientsByStatus() {
        TestClinic clinic = new TestClinic();
        UUID active = clinic.createClient();
        UUID discharged = clinic.createClient(Map.of("timeZone", "Europe/Paris", "status", "discharged"));

        clinic.clinician().queryParam("status", "discharged").get("/v1/clients").then().statusCode(200)
                .body(at("items.id", contains(discharged.toString())));
        clinic.clinician().queryParam("status", "active").get("/v1/clients").then().statusCode(200)
                .body(at("items.id", contains(active.toString())));
    }

    @Test
    void shouldPageThroughClientsInCreationOrderWithoutGapsOrRepeats() {
        TestClinic clinic = new TestClinic();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(clinic.createClient().toString());
        }
        Pages.Walked walked = Pages.walk(clinic::clinician, 2, "items.id", "/v1/clients");
        assertEquals(created, walked.values());
        assertEquals(3, walked.pages());
    }

    @Test
    void shouldReplaceClientWhenIfMatchIsCurrent() {
        TestClinic clinic = new TestClinic();
        UUID id = clinic.createClient(clientWithIdentifier("urn:ehr:epic", "MRN-3"));

        clinic.clinician().header("If-Match", "\"0\"")
                .body(Map.of("timeZone", "Europe/Berlin", "status", "discharged"))
                .put("/v1/clients/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body(at("status", equalTo("discharged")))
                .body(at("timeZone", equalTo("Europe/Berlin")))
                .body(at("displayName", nullValue()))
                .body(at("externalIds", empty()));
        // The identifier was released by the replacement, so another client may take it.
        clinic.createClient(clientWithIdentifier("urn:ehr:epic", "MRN-3"));
    }

    @Test
    void shouldAnswer428WithoutIfMatchAnd412WhenStaleAndChangeNothing() {
        TestClinic clinic = new TestClinic();
        UUID id = clinic.createClient();
        Map<String, Object> replacement = Map.of("timeZone", "Asia/Tokyo", "status", "active");

        clinic.clinician().body(replacement).put("/v1/clients/{id}", id).then().statusCode(428)
                .contentType("application/problem+json");
        clinic.clinician().header("If-Match", "\"0\"").body(replacement).put("/v1/clients/{id}", id).then()
                .statusCode(200);
        clinic.clinician().header("If-Match", "\"0\"").body(Map.of("timeZone", "Europe/Oslo", "status", "active"))
                .put("/v1/clients/{id}", id).then().statusCode(412).contentType("application/problem+json");

        clinic.clinician().get("/v1/clients/{id}", id).then().body(at("timeZone", equalTo("Asia/Tokyo")))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void shouldKeepEveryTimeZoneTheClientHadFromTheDateItTookEffectThere() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID id;
        try (var created = TestClock.pinnedAt(Instant.parse("2026-01-05T09:00:00Z"))) {
            id = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
        }
        // 13:30 on Wednesday in Berlin is already Thursday in Auckland: the move counts from Thursday there.
        try (var moved = TestClock.pinnedAt(Instant.parse("2026-03-25T12:30:00Z"))) {
            clinic.clinician().header("If-Match", "\"0\"").body(Map.of("timeZone", "Europe/Berlin", "status", "active",
                    "displayName", "A.")).put("/v1/clients/{id}", id).then().statusCode(200)
                    .body(at("timeZoneHistory", hasSize(1)));
            clinic.clinician().header("If-Match", "\"1\"").body(Map.of("timeZone", "Pacific/Auckland", "status", "active"))
                    .put("/v1/clients/{id}", id).then().statusCode(200)
                    .body(at("timeZone", equalTo("Pacific/Auckland")))
                    .body(at("timeZoneHistory.timeZone", contains("Europe/Berlin", "Pacific/Auckland")))
                    .body(at("timeZoneHistory.effectiveFrom", contains("2026-01-05", "2026-03-26")))
                    .body(at("timeZoneHistory.changedAt", contains("2026-01-05T09:00:00Z", "2026-03-25T12:30:00Z")));
        }
        clinic.client(id).get("/v1/clients/{id}", id).then().statusCode(200)
                .body(at("timeZoneHistory.timeZone", contains("Europe/Berlin", "Pacific/Auckland")));
        clinic.clinician().get("/v1/clients").then().statusCode(200)
                .body(at("items[0].timeZoneHistory.timeZone", contains("Europe/Berlin", "Pacific/Auckland")));
        // The history is the server's: a caller cannot write it.
        clinic.clinicianSendingBadInput().header("If-Match", "\"2\"")
                .body(Map.of("timeZone", "Pacific/Auckland", "status", "active",
                        "timeZoneHistory", List.of(Map.of("timeZone", "Asia/Tokyo", "effectiveFrom", "2026-01-01"))))
                .put("/v1/clients/{id}", id).then().statusCode(400)
                .body(at("errors[0].field", equalTo("timeZoneHistory")));
    }

    @Test
    void shouldRecordOneMoveWhenTwoUpdatesRaceWithTheSameIfMatch() throws Exception {
        TestClinic clinic = new TestClinic();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                UUID id = clinic.createClient(Map.of("timeZone", "Europe/Berlin"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> updates = new ArrayList<>();
                for (String zone : List.of("Pacific/Auckland", "America/New_York")) {
                    updates.add(pool.submit(() -> {
                        start.await();
                        return clinic.clinician().header("If-Match", "\"0\"")
                                .body(Map.of("timeZone", zone, "status", "active"))
                                .put("/v1/clients/{id}", id).then().extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> update : updates) {
                    statuses.add(update.get(30, TimeUnit.SECONDS));
                }
                statuses.sort(null);

                assertEquals(List.of(200, 412), statuses);
                Response client = clinic.clinician().get("/v1/clients/{id}", id);
                client.then().statusCode(200).header("ETag", equalTo("\"1\""))
                        .body(at("timeZoneHistory", hasSize(2)))
                        .body(at("timeZoneHistory[1].timeZone", equalTo(Json.path(client, "timeZone"))));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectTimeZoneThatIsNoIanaName() {
        TestClinic clinic = new TestClinic();
        for (String zone : List.of("+02:00", "Mars/Olympus", "CEST")) {
            clinic.clinician().body(Map.of("timeZone", zone)).post("/v1/clients").then().statusCode(400)
                    .body(at("errors[0].field", equalTo("timeZone")));
        }
        clinic.clinician().get("/v1/clients").then().body(at("items", empty()));
    }

    @Test
    void shouldRejectTheSameIdentifierTwiceInOneRequest() {
        TestClinic clinic = new TestClinic();
        Map<String, String> identifier = Map.of("system", "urn:ehr:epic", "value", "MRN-5");
        clinic.clinicianSendingBadInput()
                .body(Map.of("timeZone", "Europe/Berlin", "externalIds", List.of(identifier, identifier)))
                .post("/v1/clients").then().statusCode(400)
                .body(at("errors[0].field", equalTo("externalIds[1]")));
    }
}
