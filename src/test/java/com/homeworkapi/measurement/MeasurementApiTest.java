package com.homeworkapi.measurement;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Contract;
import com.homeworkapi.support.Pages;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import com.homeworkapi.support.TestInstruments;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeasurementApiTest {

    private static Map<String, Object> measurement(String instrument, Object score, String measuredOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("score", score);
        body.put("measuredOn", measuredOn);
        return body;
    }

    private static Map<String, Object> pcl5Settings() {
        Map<String, Object> pcl5 = TestInstruments.pcl5("reliableChangePoints", 10);
        return Map.of(
                "compliance", Map.of("met", 0.8, "adequate", 0.5),
                "weeks", Map.of("engagement", 2, "atRisk", 2, "relapse", 4, "recovering", 2),
                "symptomRelapse", Map.of("measurements", 2, "spanDays", 28),
                "instruments", List.of(pcl5));
    }

    @Test
    void shouldRecordMeasurementAndListItForStaffAndForTheClientItself() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Map<String, Object> body = measurement("phq9", 14, "2026-03-02");
        body.put("note", "Filled in at the start of session 4.");

        Response recorded = clinic.clinician().body(body).post("/v1/clients/{id}/measurements", clientId);
        recorded.then().statusCode(201)
                .body(at("id", notNullValue()))
                .body(at("clientId", equalTo(clientId.toString())))
                .body(at("instrument", equalTo("phq9")))
                .body(at("score", equalTo(14.0f)))
                .body(at("measuredOn", equalTo("2026-03-02")))
                .body(at("note", equalTo("Filled in at the start of session 4.")))
                .body(at("recordedAt", notNullValue()));
        String id = recorded.path("id");

        clinic.integration().get("/v1/clients/{id}/measurements", clientId).then().statusCode(200)
                .body(at("items.id", contains(id)))
                .body(at("nextCursor", nullValue()));
        clinic.client(clientId).get("/v1/clients/{id}/measurements", clientId).then().statusCode(200)
                .body(at("items[0].score", equalTo(14.0f)));
    }

    @Test
    void shouldAcceptEachBuiltInInstrumentsBoundsAndRejectScoresBeyondThem() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Map<String, List<Integer>> bounds = Map.of("phq9", List.of(0, 27), "gad7", List.of(0, 21),
                "ybocs", List.of(0, 40));
        bounds.forEach((instrument, range) -> {
            for (int score : range) {
                clinic.clinician().body(measurement(instrument, score, "2026-03-02"))
                        .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);
            }
            for (int score : List.of(range.get(0) - 1, range.get(1) + 1)) {
                clinic.clinician().body(measurement(instrument, score, "2026-03-02"))
                        .post("/v1/clients/{id}/measurements", clientId).then().statusCode(400)
                        .body(at("errors[0].field", equalTo("score")))
                        .body(at("errors[0].message", equalTo("must be from 0 to " + range.get(1) + " for " + instrument)));
            }
        });
        clinic.clinician().get("/v1/clients/{id}/measurements", clientId).then().body(at("items", hasSize(6)));
    }

    @Test
    void shouldRejectAFractionOfAPointOnABuiltInQuestionnaire() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.clinician().body(measurement("gad7", 9.5, "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("score")));
    }

    @Test
    void shouldRejectAnInstrumentTheClinicDoesNotKnow() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        for (String instrument : List.of("pcl5", "PHQ9", "phq-9")) {
            clinic.clinician().body(measurement(instrument, 10, "2026-03-02"))
                    .post("/v1/clients/{id}/measurements", clientId).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("instrument")));
        }
        clinic.clinician().queryParam("instrument", "pcl5").get("/v1/clients/{id}/measurements", clientId)
                .then().statusCode(400).body(at("errors[0].field", equalTo("instrument")));
    }

    @Test
    void shouldCheckScoresOfTheClinicsOwnInstrumentAgainstItsOwnRange() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.admin().header("If-Match", "\"0\"").body(pcl5Settings()).put("/v1/clinic/settings").then()
                .statusCode(200);

        clinic.clinician().body(measurement("pcl5", 41.5, "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201)
                .body(at("score", equalTo(41.5f)));
        for (double score : List.of(-0.5, 80.5)) {
            clinic.clinician().body(measurement("pcl5", score, "2026-03-02"))
                    .post("/v1/clients/{id}/measurements", clientId).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("score")))
                    .body(at("errors[0].message", equalTo("must be from 0 to 80 for pcl5")));
        }
        clinic.clinician().queryParam("instrument", "pcl5").get("/v1/clients/{id}/measurements", clientId)
                .then().statusCode(200).body(at("items", hasSize(1)));
    }

    @Test
    void shouldRejectAMeasurementDatedAfterTodayInTheClientsTimeZone() {
        // 11:00 UTC on 10 March: already the 11th in Kiritimati (UTC+14), still the 10th in Pago Pago (UTC-11).
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-10T11:00:00Z"))) {
            TestClinic clinic = new TestClinic();
            UUID east = clinic.createClient(Map.of("timeZone", "Pacific/Kiritimati"));
            UUID west = clinic.createClient(Map.of("timeZone", "Pacific/Pago_Pago"));

            clinic.clinician().body(measurement("phq9", 8, "2026-03-11"))
                    .post("/v1/clients/{id}/measurements", east).then().statusCode(201);
            clinic.clinician().body(measurement("phq9", 8, "2026-03-11"))
                    .post("/v1/clients/{id}/measurements", west).then().statusCode(400)
                    .body(at("errors[0].field", equalTo("measuredOn")));
            clinic.clinician().get("/v1/clients/{id}/measurements", west).then().body(at("items", empty()));
        }
    }

    @Test
    void shouldListByMeasuredOnThenIdAcrossPagesAndFilterByInstrument() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        List<String> dates = List.of("2026-03-16", "2026-02-02", "2026-03-02", "2026-02-16", "2026-03-02");
        for (int index = 0; index < dates.size(); index++) {
            clinic.clinician().body(measurement(index % 2 == 0 ? "phq9" : "gad7", 10 + index, dates.get(index)))
                    .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);
        }

        assertEquals(List.of("2026-02-02", "2026-02-16", "2026-03-02", "2026-03-02", "2026-03-16"),
                Pages.walk(clinic::clinician, 2, "items.measuredOn", "/v1/clients/{id}/measurements", clientId)
                        .values());

        clinic.clinician().queryParam("instrument", "gad7").get("/v1/clients/{id}/measurements", clientId)
                .then().statusCode(200)
                .body(at("items.measuredOn", contains("2026-02-02", "2026-02-16")))
                .body(at("items.instrument", contains("gad7", "gad7")));
    }

    @Test
    void shouldForbidAClientToRecordEvenItsOwnMeasurement() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.client(clientId).body(measurement("phq9", 3, "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(403)
                .contentType("application/problem+json");
        clinic.clinician().get("/v1/clients/{id}/measurements", clientId).then().body(at("items", empty()));
    }

    @Test
    void shouldAnswer404ToAnotherClinicAndAnotherClientAndStoreNothing() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClientId = clinic.createClient();
        clinic.clinician().body(measurement("phq9", 12, "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);

        otherClinic.clinician().body(measurement("phq9", 20, "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(404)
                .body(at("detail", equalTo("No client with that id.")));
        otherClinic.clinician().get("/v1/clients/{id}/measurements", clientId).then().statusCode(404);
        clinic.client(otherClientId).get("/v1/clients/{id}/measurements", clientId).then().statusCode(404);
        clinic.clinician().get("/v1/clients/{id}/measurements", UUID.randomUUID()).then().statusCode(404);

        clinic.clinician().get("/v1/clients/{id}/measurements", clientId).then()
                .body(at("items.score", contains(12.0f)));
    }

    @Test
    void shouldAnswer400NeverA5xxToMalformedInput() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        var token = Tokens.staff(clinic.id, "clinician");
        List<Object> bodies = List.of(
                "{\"instrument\": \"phq9\", \"score\": ",
                "[]",
                Map.of("instrument", "phq9", "score", "high", "measuredOn", "2026-03-02"),
                Map.of("instrument", "phq9", "score", 5, "measuredOn", "2026-02-30"),
                Map.of("instrument", "phq9", "score", 5, "measuredOn", "2026-03-02", "recordedAt", "2026-03-02T10:00:00Z"),
                Map.of("instrument", "phq9", "measuredOn", "2026-03-02"),
                Map.of("score", 5, "measuredOn", "2026-03-02"),
                Map.of("instrument", "phq9", "score", 5),
                "{\"instrument\": \"phq9\", \"score\": 1e400, \"measuredOn\": \"2026-03-02\"}",
                Map.of("instrument", "x".repeat(33), "score", 5, "measuredOn", "2026-03-02"),
                Map.of("instrument", "phq9", "score", 5, "measuredOn", "2026-03-02", "note", "n".repeat(1001)));
        for (Object body : bodies) {
            given().auth().oauth2(token).contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY)
                    .body(body).post("/v1/clients/{id}/measurements", clientId).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "two"),
                Map.of("cursor", "not-a-cursor"))) {
            given().auth().oauth2(token).filter(Contract.RESPONSES_ONLY).queryParams(query)
                    .get("/v1/clients/{id}/measurements", clientId).then().statusCode(400);
        }
        clinic.clinician().get("/v1/clients/{id}/measurements", clientId).then().body(at("items", empty()));
    }
}
