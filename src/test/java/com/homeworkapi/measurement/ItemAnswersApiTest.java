package com.homeworkapi.measurement;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.SafetyFlagEvents;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PHQ-9 and GAD-7 with their item answers, and the safety flag of PHQ-9 item 9. */
@QuarkusTest
class ItemAnswersApiTest {

    private static final String MEASUREMENTS = "/v1/clients/{clientId}/measurements";

    @Inject
    SafetyFlagEvents safetyFlags;

    @Test
    void shouldComputeTheTotalFromTheItemsAndReturnThemWithTheMeasurement() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        Response phq9 = clinic.clinician().body(items("phq9", null, 2, 2, 1, 2, 1, 2, 1, 1, 0))
                .post(MEASUREMENTS, clientId);
        phq9.then().statusCode(201);
        Response gad7 = clinic.integration().body(items("gad7", 10, 3, 3, 2, 1, 0, 0, 1))
                .post(MEASUREMENTS, clientId);
        gad7.then().statusCode(201);

        assertAll(
                () -> assertEquals(12.0, ((Number) Json.path(phq9, "score")).doubleValue()),
                () -> assertEquals(List.of(2, 2, 1, 2, 1, 2, 1, 1, 0), Json.path(phq9, "itemAnswers")),
                () -> assertEquals(false, Json.path(phq9, "safetyFlag")),
                () -> assertEquals(10.0, ((Number) Json.path(gad7, "score")).doubleValue()),
                () -> assertEquals(List.of(3, 3, 2, 1, 0, 0, 1), Json.path(gad7, "itemAnswers")),
                () -> assertEquals(false, Json.path(gad7, "safetyFlag")));

        // Read back as staff and by the client itself, in the order measured (same day: by id).
        for (Response list : List.of(clinic.clinician().get(MEASUREMENTS, clientId),
                clinic.client(clientId).get(MEASUREMENTS, clientId))) {
            list.then().statusCode(200);
            List<Map<String, Object>> stored = Json.path(list, "items");
            assertEquals(2, stored.size());
            Map<String, Object> storedPhq9 = byInstrument(stored, "phq9");
            assertEquals(List.of(2, 2, 1, 2, 1, 2, 1, 1, 0), storedPhq9.get("itemAnswers"));
            assertEquals(12.0, ((Number) storedPhq9.get("score")).doubleValue());
            assertEquals(List.of(3, 3, 2, 1, 0, 0, 1), byInstrument(stored, "gad7").get("itemAnswers"));
        }
        // A total sent alone is stored as before, without items and without a flag.
        Response total = clinic.clinician().body(Map.of("instrument", "phq9", "score", 27, "measuredOn", "2026-01-05"))
                .post(MEASUREMENTS, clientId);
        total.then().statusCode(201);
        assertNull(Json.path(total, "itemAnswers"));
        assertEquals(false, Json.path(total, "safetyFlag"));
    }

    @Test
    void shouldRejectATotalThatIsNotTheSumOfTheItemsAndStoreNothing() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        assertInvalidField(clinic.clinician().body(items("phq9", 13, 2, 2, 1, 2, 1, 2, 1, 1, 0))
                .post(MEASUREMENTS, clientId), "score");
        assertInvalidField(clinic.clinician().body(items("gad7", 0, 0, 0, 0, 0, 0, 0, 1))
                .post(MEASUREMENTS, clientId), "score");
        assertNothingStored(clinic, clientId);
    }

    @Test
    void shouldRejectAWrongCountAnAnswerOutOfRangeAndItemsOfAnotherInstrumentAndStoreNothing() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Map<String, Object> withNull = items("gad7", null, 1, 1, 1, 1, 1, 1, 1);
        withNull.put("itemAnswers", Arrays.asList(1, 1, null, 1, 1, 1, 1));
        Map<String, Object> noScore = new HashMap<>(Map.of("instrument", "phq9", "measuredOn", "2026-01-05"));

        List<Refused> refused = List.of(
                new Refused("8 answers to PHQ-9", items("phq9", null, 1, 1, 1, 1, 1, 1, 1, 1), "itemAnswers"),
                new Refused("9 answers to GAD-7", items("gad7", null, 1, 1, 1, 1, 1, 1, 1, 1, 1), "itemAnswers"),
                new Refused("an answer of 4", items("phq9", null, 1, 1, 1, 1, 1, 1, 1, 1, 4), "itemAnswers[8]"),
                new Refused("an answer of -1", items("gad7", null, -1, 1, 1, 1, 1, 1, 1), "itemAnswers[0]"),
                new Refused("an answer left null", withNull, "itemAnswers[2]"),
                new Refused("items of Y-BOCS", items("ybocs", null, 3, 3, 3, 3, 3, 3, 3), "itemAnswers"),
                new Refused("neither a score nor items", noScore, "score"));
        for (Refused one : refused) {
            Response response = clinic.clinicianSendingBadInput().body(one.body()).post(MEASUREMENTS, clientId);
            assertEquals(400, response.statusCode(), one.what());
            assertInvalidField(response, one.field());
        }
        assertNothingStored(clinic, clientId);
        assertEquals(List.of(), safetyFlags.ofClinic(clinic.id), "no flag for what was refused");
    }

    @Test
    void shouldRaiseTheSafetyFlagWhenPhq9Item9IsAnsweredAboveZeroAndFireItsEventInTheTransaction() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        Response flagged = clinic.clinician().body(items("phq9", null, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .post(MEASUREMENTS, clientId);
        flagged.then().statusCode(201);
        Response item8 = clinic.clinician().body(items("phq9", null, 3, 3, 3, 3, 3, 3, 3, 3, 0))
                .post(MEASUREMENTS, clientId);
        item8.then().statusCode(201);
        Response gad7 = clinic.clinician().body(items("gad7", null, 3, 3, 3, 3, 3, 3, 3))
                .post(MEASUREMENTS, clientId);
        gad7.then().statusCode(201);

        assertAll(
                () -> assertEquals(true, Json.path(flagged, "safetyFlag")),
                () -> assertEquals(1.0, ((Number) Json.path(flagged, "score")).doubleValue()),
                () -> assertEquals(false, Json.path(item8, "safetyFlag"), "item 9 at 0: no flag, whatever the total"),
                () -> assertEquals(false, Json.path(gad7, "safetyFlag"), "GAD-7 has no such item"));
        List<Map<String, Object>> stored = Json.path(clinic.clinician().get(MEASUREMENTS, clientId), "items");
        assertEquals(1, stored.stream().filter(measurement -> Boolean.TRUE.equals(measurement.get("safetyFlag")))
                .count(), "stored with the flag, and only that one");

        List<SafetyFlagEvents.Seen> events = safetyFlags.ofClinic(clinic.id);
        assertEquals(1, events.size(), "one event, for the flagged measurement only: " + events);
        assertEquals(new MeasurementSafetyFlagged(clinic.id, clientId, UUID.fromString(Json.path(flagged, "id"))),
                events.get(0).event());
        assertTrue(events.get(0).inTransaction(), "fired inside the measurement's transaction");
    }

    @Test
    void shouldKeepItemAnswersToTheirClinicAndClient() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID otherClientId = clinic.createClient();
        TestClinic otherClinic = new TestClinic();
        clinic.clinician().body(items("phq9", null, 1, 1, 1, 1, 1, 1, 1, 1, 2)).post(MEASUREMENTS, clientId)
                .then().statusCode(201);

        assertProblem(otherClinic.integration().body(items("phq9", null, 0, 0, 0, 0, 0, 0, 0, 0, 3))
                .post(MEASUREMENTS, clientId), 404);
        assertProblem(otherClinic.clinician().get(MEASUREMENTS, clientId), 404);
        assertProblem(clinic.client(otherClientId).get(MEASUREMENTS, clientId), 404);
        assertProblem(clinic.client(clientId).body(items("gad7", null, 0, 0, 0, 0, 0, 0, 0))
                .post(MEASUREMENTS, clientId), 403);

        List<Map<String, Object>> stored = Json.path(clinic.clinician().get(MEASUREMENTS, clientId), "items");
        assertEquals(1, stored.size(), "nothing stored by another clinic or by the client");
        assertEquals(List.of(), safetyFlags.ofClinic(otherClinic.id), "a refused request raises nothing");
        assertEquals(1, safetyFlags.ofClinic(clinic.id).size());
    }

    // --- Helpers ----------------------------------------------------------------------

    private record Refused(String what, Map<String, Object> body, String field) {
    }

    private static Map<String, Object> items(String instrument, Integer score, int... answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("measuredOn", "2026-01-05");
        List<Integer> list = new ArrayList<>();
        for (int answer : answers) {
            list.add(answer);
        }
        body.put("itemAnswers", list);
        if (score != null) {
            body.put("score", score);
        }
        return body;
    }

    private static Map<String, Object> byInstrument(List<Map<String, Object>> measurements, String instrument) {
        return measurements.stream().filter(measurement -> instrument.equals(measurement.get("instrument")))
                .findFirst().orElseThrow();
    }

    private static void assertNothingStored(TestClinic clinic, UUID clientId) {
        assertEquals(List.of(), Json.path(clinic.clinician().get(MEASUREMENTS, clientId), "items"));
    }
}
