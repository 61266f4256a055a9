package com.homeworkapi.fhir;

import static com.homeworkapi.fhir.FhirObservationTest.created;
import static com.homeworkapi.support.FhirValidation.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.FhirOperation;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every resource carries a generated narrative (dom-6) with its essential facts, and what a
 * caller stored appears in it as text, escaped, never as markup.
 */
@QuarkusTest
class FhirNarrativeTest {

    private static final String MARKUP = "<script>alert('x')</script> & <b onclick=\"y\">bold</b>";

    @Test
    void shouldNarrateEveryResourceWithWhatWasStoredEscaped() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", "Europe/Berlin", "displayName", "Kim " + MARKUP));
        UUID goalId = created(clinic, "/v1/clients/" + clientId + "/goals",
                Map.of("title", "Ride the bus " + MARKUP, "description", MARKUP));
        UUID assignmentId = created(clinic, "/v1/clients/" + clientId + "/assignments", Map.of(
                "title", "Door handle " + MARKUP, "kind", "exposure", "instructions", MARKUP,
                "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3, "startDate", "2026-01-05")));
        UUID attemptId = created(clinic, "/v1/assignments/" + assignmentId + "/attempts", Map.of(
                "occurredAt", "2026-01-07T19:05:30+01:00", "outcome", "completed", "note", MARKUP));
        String score = FhirOperation.phq9Total(clientId.toString(), "urn:ehr", "QR-<i>1</i>").replace(
                "\"subject\"", "\"note\": [{\"text\": \"" + MARKUP.replace("\"", "\\\"") + "\"}], \"subject\"");
        Response createdScore = clinic.integration().contentType("application/fhir+json")
                .accept("application/fhir+json").body(score).post("/fhir/R4/Observation");
        createdScore.then().statusCode(201);
        String scoreId = assertValid(createdScore, "Observation").path("id").asText();

        Map<String, String> reads = Map.of(
                "Patient", "/fhir/R4/Patient/" + clientId,
                "Goal", "/fhir/R4/Goal/" + goalId,
                "CarePlan", "/fhir/R4/CarePlan/" + clientId,
                "Observation", "/fhir/R4/Observation/attempt-" + attemptId);
        for (Map.Entry<String, String> read : reads.entrySet()) {
            JsonNode resource = read(clinic, read.getValue(), read.getKey());
            assertEscaped(resource, "&lt;script&gt;alert(");
            assertEscaped(resource, "&lt;/script&gt; &amp; &lt;b onclick=");
            assertEscaped(resource, "bold&lt;/b&gt;");
        }
        JsonNode measurement = read(clinic, "/fhir/R4/Observation/" + scoreId, "Observation");
        assertEscaped(measurement, "&lt;script&gt;");
        assertEscaped(measurement, "QR-&lt;i&gt;1&lt;/i&gt;");
        JsonNode week = read(clinic, "/fhir/R4/Observation/compliance-" + clientId + "-2026-W02", "Observation");
        assertTrue(div(week).contains("2026-W02"), div(week));
        JsonNode statement = read(clinic, "/fhir/R4/metadata", "CapabilityStatement");
        assertTrue(div(statement).contains("Observation"), div(statement));
    }

    @Test
    void shouldNarrateAnOperationOutcomeEchoingTheParameterEscaped() {
        TestClinic clinic = new TestClinic();

        Response response = clinic.sendingBadInput("integration").accept("application/fhir+json")
                .queryParam("<script>", "x").get("/fhir/R4/Patient");

        FhirOperationsTest.assertOutcome(response, 400, "invalid");
        JsonNode outcome = assertValid(response, "OperationOutcome");
        assertEscaped(outcome, "&lt;script&gt;");
    }

    @Test
    void shouldReplaceWhatXmlCannotCarry() {
        assertEquals("a\uFFFDb\tc\uFFFD\uD83D\uDE00", Narratives.xmlText("a\u0007b\tc\uD800\uD83D\uDE00"));
    }

    private static JsonNode read(TestClinic clinic, String path, String type) {
        Response response = clinic.clinician().accept("application/fhir+json").get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        return assertValid(response, type);
    }

    private static String div(JsonNode resource) {
        return resource.at("/text/div").asText();
    }

    /** A generated narrative, holding the stored text escaped and no markup of the caller's. */
    private static void assertEscaped(JsonNode resource, String escaped) {
        String div = div(resource);
        assertEquals("generated", resource.at("/text/status").asText(), resource.toString());
        assertTrue(div.startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">"), div);
        assertTrue(div.contains(escaped), escaped + " in " + div);
        for (String tag : List.of("<script", "<i>", "<b onclick")) {
            assertFalse(div.contains(tag), tag + " in " + div);
        }
    }
}
