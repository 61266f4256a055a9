package com.homeworkapi.fhir;

import static com.homeworkapi.support.FhirValidation.assertValid;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.FhirOperation;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attempts, symptom scores and weekly compliance as Observations: the mapping, the search and its pages. */
@QuarkusTest
class FhirObservationTest {

    private static final String HOMEWORK = "https://homework-api.dev/fhir/CodeSystem/homework";

    @Test
    void shouldMapAnAttemptFieldByFieldAsAPatientReportedObservation() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID attemptId = created(clinic, "/v1/assignments/" + assignmentId + "/attempts", Map.of(
                "occurredAt", "2026-01-07T19:05:30+01:00", "outcome", "partial", "completion", 0.75,
                "durationMinutes", 20, "suds", Map.of("before", 40, "peak", 70, "after", 25),
                "quality", Map.of("rating", 3, "rater", "client"), "obstacles", List.of("no_time", "forgot"),
                "note", "Stopped at the third floor."));

        Response response = clinic.client(clientId).accept("application/fhir+json")
                .get("/fhir/R4/Observation/attempt-{id}", attemptId);

        response.then().statusCode(200);
        JsonNode observation = assertValid(response, "Observation");
        Map<String, JsonNode> components = components(observation);
        assertAll(
                () -> assertEquals("attempt-" + attemptId, observation.path("id").asText()),
                () -> assertEquals("final", observation.path("status").asText()),
                () -> assertEquals("therapy", observation.at("/category/0/coding/0/code").asText()),
                () -> assertEquals("homework-attempt", observation.at("/code/coding/0/code").asText()),
                () -> assertEquals("Patient/" + clientId, observation.at("/subject/reference").asText()),
                () -> assertEquals("Patient/" + clientId, observation.at("/performer/0/reference").asText()),
                () -> assertEquals("2026-01-07T18:05:30.000Z", observation.path("effectiveDateTime").asText()),
                () -> assertTrue(observation.path("issued").isTextual(), "issued: " + observation),
                () -> assertEquals("partial", observation.at("/valueCodeableConcept/coding/0/code").asText()),
                () -> assertEquals(assignmentId.toString(), components.get("assignment").path("valueString").asText()),
                () -> assertEquals(0.75, components.get("completion").at("/valueQuantity/value").asDouble()),
                () -> assertEquals(20, components.get("duration").at("/valueQuantity/value").asInt()),
                () -> assertEquals("min", components.get("duration").at("/valueQuantity/code").asText()),
                () -> assertEquals(40, components.get("suds-before").path("valueInteger").asInt()),
                () -> assertEquals(70, components.get("suds-peak").path("valueInteger").asInt()),
                () -> assertEquals(25, components.get("suds-after").path("valueInteger").asInt()),
                () -> assertEquals(3, components.get("quality-rated-by-client").path("valueInteger").asInt()),
                () -> assertEquals(List.of("forgot", "no_time"), codesOf(observation, "obstacle")),
                () -> assertEquals("Stopped at the third floor.", observation.at("/note/0/text").asText()));
    }

    @Test
    void shouldCodePhq9AndGad7TotalsWithLoincAndOtherInstrumentsWithTheProjectsCodeSystem() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        for (Map<String, Object> score : List.of(
                Map.<String, Object>of("instrument", "phq9", "score", 14, "measuredOn", "2026-01-05"),
                Map.<String, Object>of("instrument", "gad7", "score", 9, "measuredOn", "2026-01-06"),
                Map.<String, Object>of("instrument", "ybocs", "score", 22, "measuredOn", "2026-01-07"))) {
            created(clinic, "/v1/clients/" + clientId + "/measurements", score);
        }

        Response response = clinic.integration().accept("application/fhir+json")
                .queryParam("patient", "Patient/" + clientId).queryParam("category", "survey")
                .get("/fhir/R4/Observation");

        response.then().statusCode(200);
        JsonNode bundle = assertValid(response, "Bundle");
        List<String> codes = new ArrayList<>();
        bundle.path("entry").forEach(entry -> {
            JsonNode observation = entry.path("resource");
            codes.add(observation.at("/code/coding/0/system").asText() + "|" + observation.at("/code/coding/0/code").asText()
                    + "=" + observation.at("/valueQuantity/value").asInt() + "@" + observation.path("effectiveDateTime").asText());
            assertEquals("survey", observation.at("/category/0/coding/0/code").asText());
            assertEquals("{score}", observation.at("/valueQuantity/code").asText());
        });
        assertEquals(List.of("http://loinc.org|44261-6=14@2026-01-05", "http://loinc.org|70274-6=9@2026-01-06",
                "https://homework-api.dev/fhir/CodeSystem/instrument|ybocs=22@2026-01-07"), codes);

        Response phq9 = clinic.integration().accept("application/fhir+json")
                .queryParam("patient", clientId.toString()).queryParam("code", "http://loinc.org|44261-6")
                .get("/fhir/R4/Observation");
        assertEquals(1, assertValid(phq9, "Bundle").path("entry").size());
    }

    @Test
    void shouldMapItemAnswersAsComponentsWithTheItemsLoincCodesAndTheSafetyFlag() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID phq9 = created(clinic, "/v1/clients/" + clientId + "/measurements", Map.of("instrument", "phq9",
                "itemAnswers", List.of(0, 1, 2, 3, 0, 1, 2, 3, 1), "measuredOn", "2026-01-05"));
        UUID gad7 = created(clinic, "/v1/clients/" + clientId + "/measurements", Map.of("instrument", "gad7",
                "itemAnswers", List.of(3, 2, 1, 0, 1, 2, 3), "measuredOn", "2026-01-06"));

        JsonNode depression = assertValid(clinic.integration().accept("application/fhir+json")
                .get("/fhir/R4/Observation/{id}", "measurement-" + phq9), "Observation");
        List<String> items = new ArrayList<>();
        depression.path("component").forEach(component -> items.add(component.at("/code/coding/0/system").asText()
                + "|" + component.at("/code/coding/0/code").asText() + "="
                + component.at("/valueCodeableConcept/coding/0/code").asText()
                + component.path("valueBoolean").asText("")));
        assertEquals(List.of("http://loinc.org|44250-9=LA6568-5", "http://loinc.org|44255-8=LA6569-3",
                "http://loinc.org|44259-0=LA6570-1", "http://loinc.org|44254-1=LA6571-9",
                "http://loinc.org|44251-7=LA6568-5", "http://loinc.org|44258-2=LA6569-3",
                "http://loinc.org|44252-5=LA6570-1", "http://loinc.org|44253-3=LA6571-9",
                "http://loinc.org|44260-8=LA6569-3",
                "https://homework-api.dev/fhir/CodeSystem/homework|safety-flag=true"), items);
        assertEquals(13, depression.at("/valueQuantity/value").asInt());

        JsonNode anxiety = assertValid(clinic.integration().accept("application/fhir+json")
                .get("/fhir/R4/Observation/{id}", "measurement-" + gad7), "Observation");
        List<String> gad7Items = new ArrayList<>();
        anxiety.path("component").forEach(component -> gad7Items.add(component.at("/code/coding/0/code").asText()));
        assertEquals(List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"), gad7Items,
                "GAD-7's items in order, and no safety flag: it has no such item");
        assertEquals("LA6571-9", anxiety.at("/component/0/valueCodeableConcept/coding/0/code").asText());
    }

    @Test
    void shouldCreateAPhq9FromItsItemComponentsComputingTheTotalAndRaisingTheFlag() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        List<String> codes = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
                "44253-3", "44260-8");
        List<String> components = new ArrayList<>();
        for (int item = 0; item < codes.size(); item++) {
            // Answers as points and as LOINC's answer codes, mixed; item 9 answered "several days".
            String value = item % 2 == 0 ? "\"valueInteger\": " + (item == 8 ? 1 : 2)
                    : "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA6570-1\"}]}";
            components.add("{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"" + codes.get(item)
                    + "\"}]}, " + value + "}");
        }
        String observation = phq9WithComponents(clientId, String.join(", ", components), null);

        Response created = clinic.integration().contentType("application/fhir+json").accept("application/fhir+json")
                .body(observation).post("/fhir/R4/Observation");
        created.then().statusCode(201);
        JsonNode stored = assertValid(created, "Observation");
        assertEquals(17, stored.at("/valueQuantity/value").asInt(), "2 x 4 + 2 x 4 + 1");
        assertEquals("true", components(stored).get("safety-flag").path("valueBoolean").asText());

        Map<String, Object> measurement = Json.path(clinic.clinician().get("/v1/clients/{id}/measurements", clientId),
                "items[0]");
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 2, 1), measurement.get("itemAnswers"));
        assertEquals(true, measurement.get("safetyFlag"));

        // A total that is not the items' sum, a missing item, or another component is refused.
        for (String refused : List.of(phq9WithComponents(clientId, String.join(", ", components), 16),
                phq9WithComponents(clientId, String.join(", ", components.subList(0, 8)), null),
                phq9WithComponents(clientId, String.join(", ", components) + ", {\"code\": {\"coding\": [{\"system\": "
                        + "\"https://homework-api.dev/fhir/CodeSystem/homework\", \"code\": \"safety-flag\"}]},"
                        + " \"valueBoolean\": false}", null))) {
            FhirOperationsTest.assertOutcome(clinic.integration().contentType("application/fhir+json")
                    .accept("application/fhir+json").body(refused).post("/fhir/R4/Observation"), 400, "invalid");
        }
        assertEquals(1, Json.<List<?>>path(clinic.clinician().get("/v1/clients/{id}/measurements", clientId), "items")
                .size(), "nothing stored from what was refused");
    }

    private static String phq9WithComponents(UUID clientId, String components, Integer total) {
        String value = total == null ? "" : ", \"valueInteger\": " + total;
        return """
                {"resourceType": "Observation", "status": "final",
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                   "code": "survey"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]},
                 "subject": {"reference": "Patient/%s"},
                 "effectiveDateTime": "2026-01-12",
                 "component": [%s]%s}
                """.formatted(clientId, components, value);
    }

    @Test
    void shouldServeAnEndedWeeksComplianceAsRatioWithItsBandAsInterpretation() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        clinic.logAttempt(assignmentId);

        Response response = clinic.clinician().accept("application/fhir+json")
                .get("/fhir/R4/Observation/compliance-{client}-2026-W02", clientId);

        response.then().statusCode(200);
        JsonNode observation = assertValid(response, "Observation");
        Map<String, JsonNode> components = components(observation);
        assertAll(
                () -> assertEquals("final", observation.path("status").asText()),
                () -> assertEquals("weekly-homework-compliance", observation.at("/code/coding/0/code").asText()),
                () -> assertEquals("2026-01-05", observation.at("/effectivePeriod/start").asText()),
                () -> assertEquals("2026-01-11", observation.at("/effectivePeriod/end").asText()),
                () -> assertEquals(1, observation.at("/valueRatio/numerator/value").asInt()),
                () -> assertEquals(3, observation.at("/valueRatio/denominator/value").asInt()),
                () -> assertEquals("low", observation.at("/interpretation/0/coding/0/code").asText()),
                () -> assertEquals(3, components.get("expected").path("valueInteger").asInt()),
                () -> assertEquals("Europe/Berlin", components.get("time-zone").path("valueString").asText()));
    }

    @Test
    void shouldAnswerAWeekBeforeTheFirstOrAnIdItNeverIssuesAsAMissingObservation() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.createAssignment(clientId);

        for (String id : List.of("compliance-" + clientId + "-2025-W40", "compliance-" + clientId + "-2026-W99",
                "attempt-12", "goal-" + clientId, "measurement-" + UUID.randomUUID())) {
            Response response = clinic.clinician().accept("application/fhir+json").get("/fhir/R4/Observation/{id}", id);
            FhirOperationsTest.assertOutcome(response, 404, "not-found");
        }
    }

    @Test
    void shouldPageEveryObservationOfAPatientOnceWithNextLinks() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        Set<String> expected = new HashSet<>();
        for (int day = 5; day <= 9; day++) {
            expected.add("Observation/attempt-" + created(clinic, "/v1/assignments/" + assignmentId + "/attempts",
                    Map.of("occurredAt", "2026-01-0" + day + "T08:00:00Z", "outcome", "completed")));
        }
        expected.add("Observation/measurement-" + created(clinic, "/v1/clients/" + clientId + "/measurements",
                Map.of("instrument", "phq9", "score", 11, "measuredOn", "2026-01-06")));

        List<String> seen = new ArrayList<>();
        String next = "/fhir/R4/Observation?patient=" + clientId + "&_count=5";
        int pages = 0;
        while (next != null) {
            URI link = URI.create(next);
            Map<String, String> query = new HashMap<>();
            for (String pair : link.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            Response page = clinic.integration().accept("application/fhir+json").queryParams(query).get(link.getRawPath());
            assertEquals(200, page.statusCode(), next + ": " + page.asString());
            // Written whole, with its length, not in chunks (a page is larger than the output buffer).
            assertEquals(String.valueOf(page.asByteArray().length), page.header("Content-Length"));
            JsonNode bundle = assertValid(page, "Bundle");
            assertEquals("searchset", bundle.path("type").asText());
            assertTrue(bundle.path("entry").size() <= 5, "entries: " + bundle.path("entry").size());
            bundle.path("entry").forEach(entry -> {
                seen.add(entry.path("resource").path("resourceType").asText() + "/" + entry.path("resource").path("id").asText());
                assertTrue(entry.path("fullUrl").asText().endsWith("/fhir/R4/Observation/" + entry.path("resource").path("id").asText()));
                assertEquals("match", entry.at("/search/mode").asText());
            });
            next = relativeLink(bundle, "next");
            pages++;
            assertTrue(pages < 200, "paging should end");
        }

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no Observation twice: " + seen);
        assertTrue(seen.containsAll(expected), "every attempt and measurement: " + seen);
        long weeks = seen.stream().filter(id -> id.startsWith("Observation/compliance-" + clientId)).count();
        assertTrue(weeks >= 1, "weekly compliance follows: " + seen);
        assertEquals(expected.size() + weeks, seen.size(), "attempts, measurement and weeks only: " + seen);
    }

    @Test
    void shouldFilterAttemptsByDayInTheClientsTimeZone() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient(Map.of("timeZone", "America/New_York"));
        UUID assignmentId = clinic.createAssignment(clientId);
        Map<String, UUID> attempts = new HashMap<>();
        // 03:30Z on the 7th is still the 6th in New York.
        for (String at : List.of("2026-01-06T12:00:00Z", "2026-01-07T03:30:00Z", "2026-01-07T12:00:00Z")) {
            attempts.put(at, created(clinic, "/v1/assignments/" + assignmentId + "/attempts",
                    Map.of("occurredAt", at, "outcome", "completed")));
        }

        Response response = clinic.integration().accept("application/fhir+json")
                .queryParam("patient", clientId.toString()).queryParam("code", HOMEWORK + "|homework-attempt")
                .queryParam("date", "ge2026-01-06").queryParam("date", "lt2026-01-07")
                .get("/fhir/R4/Observation");

        JsonNode bundle = assertValid(response, "Bundle");
        Set<String> ids = new HashSet<>();
        bundle.path("entry").forEach(entry -> ids.add(entry.path("resource").path("id").asText()));
        assertEquals(Set.of("attempt-" + attempts.get("2026-01-06T12:00:00Z"),
                "attempt-" + attempts.get("2026-01-07T03:30:00Z")), ids);
    }

    @Test
    void shouldRefuseASearchWithoutPatientOrWithAMalformedDateOrCode() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        for (Map<String, String> bad : List.of(Map.of("category", "survey"),
                Map.of("patient", clientId.toString(), "date", "2026-01"),
                Map.of("patient", clientId.toString(), "date", "sa2026-01-05"),
                Map.of("patient", clientId.toString(), "date", "2026-02-30"),
                Map.of("patient", clientId.toString(), "code", "a,b"),
                Map.of("patient", clientId.toString(), "code", "http://loinc.org|"),
                Map.of("patient", clientId.toString(), "status", "final,"),
                Map.of("patient", clientId.toString(), "status", "|"),
                Map.of("patient", clientId.toString(), "status", "a|b|final"),
                Map.of("patient", clientId.toString(), "identifier", "|"),
                Map.of("patient", clientId.toString(), "identifier", "urn:a|b|c"),
                Map.of("patient", clientId.toString(), "identifier", "urn:a|b,urn:a|c"),
                Map.of("patient", clientId.toString(), "identifier", "urn:a|b\\"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "2026-01"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "ne2026-01-05"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "2026-01-05T10:00"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "2026-01-05T10:00:00"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "2026-02-30"),
                Map.of("patient", clientId.toString(), "_lastUpdated", "1066-10-14"),
                Map.of("patient", "Group/1"))) {
            Response response = clinic.sendingBadInput("integration").accept("application/fhir+json")
                    .queryParams(bad).get("/fhir/R4/Observation");
            FhirOperationsTest.assertOutcome(response, 400, "invalid");
        }
    }

    @Test
    void shouldAnswerAnEmptyPageForCodesItNeverWrites() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        clinic.logAttempt(clinic.createAssignment(clientId));

        for (Map<String, String> query : List.of(Map.of("category", "laboratory"),
                Map.of("code", "http://loinc.org|8867-4"), Map.of("category", "survey", "code", HOMEWORK + "|homework-attempt"),
                Map.of("date", "ge2026-02-01", "code", HOMEWORK + "|homework-attempt"))) {
            Response response = clinic.integration().accept("application/fhir+json")
                    .queryParam("patient", clientId.toString()).queryParams(query).get("/fhir/R4/Observation");
            JsonNode bundle = assertValid(response, "Bundle");
            assertFalse(bundle.has("entry"), query + ": " + bundle);
        }
    }

    @Test
    void shouldFilterByWhenTheServerLastChangedEachObservation() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        UUID early;
        UUID earlyScore;
        UUID late;
        UUID lateScore;
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-02T10:00:00Z"))) {
            early = created(clinic, "/v1/assignments/" + assignmentId + "/attempts",
                    Map.of("occurredAt", "2026-03-01T09:00:00Z", "outcome", "completed"));
            earlyScore = created(clinic, "/v1/clients/" + clientId + "/measurements",
                    Map.of("instrument", "phq9", "score", 11, "measuredOn", "2026-03-01"));
        }
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-09T10:00:00Z"))) {
            late = created(clinic, "/v1/assignments/" + assignmentId + "/attempts",
                    Map.of("occurredAt", "2026-03-08T09:00:00Z", "outcome", "skipped"));
            lateScore = created(clinic, "/v1/clients/" + clientId + "/measurements",
                    Map.of("instrument", "phq9", "score", 9, "measuredOn", "2026-03-08"));
        }

        assertEquals(Set.of("attempt-" + early, "measurement-" + earlyScore),
                ids(search(clinic, clientId, Map.of("_lastUpdated", List.of("lt2026-03-05")))));
        assertEquals(Set.of("attempt-" + late, "measurement-" + lateScore),
                ids(search(clinic, clientId, Map.of("_lastUpdated", List.of("ge2026-03-05", "lt2026-03-10")))));
        assertEquals(Set.of("attempt-" + late, "measurement-" + lateScore),
                ids(search(clinic, clientId, Map.of("_lastUpdated", List.of("2026-03-09T11:00:00+01:00")))));
        assertEquals(Set.of("attempt-" + early, "measurement-" + earlyScore),
                ids(search(clinic, clientId, Map.of("_lastUpdated", List.of("le2026-03-02T10:00:00.000Z")))));
        assertEquals(Set.of(), ids(search(clinic, clientId, Map.of("_lastUpdated", List.of("gt2026-03-09T10:00:00Z"),
                "category", List.of("survey")))));
        // Weeks are scored afresh on every search: they were last changed now.
        Set<String> fresh = ids(search(clinic, clientId, Map.of("_lastUpdated",
                List.of("ge" + LocalDate.now(ZoneOffset.UTC).minusDays(1)))));
        assertFalse(fresh.isEmpty());
        assertTrue(fresh.stream().allMatch(id -> id.startsWith("compliance-")), "only weeks: " + fresh);
    }

    @Test
    void shouldFilterByStatusFinalForRecordsAndEndedWeeksAndPreliminaryForTheWeekRunning() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID attemptId = clinic.logAttempt(clinic.createAssignment(clientId));
        UUID scoreId = clinic.recordMeasurement(clientId);

        JsonNode running = search(clinic, clientId, Map.of("status", List.of("preliminary")));
        assertEquals(1, running.path("entry").size(), "the week running: " + running);
        assertEquals("preliminary", running.at("/entry/0/resource/status").asText());
        assertTrue(running.at("/entry/0/resource/id").asText().startsWith("compliance-"));

        JsonNode ended = search(clinic, clientId, Map.of("status", List.of("http://hl7.org/fhir/observation-status|final")));
        Set<String> endedIds = ids(ended);
        assertTrue(endedIds.containsAll(Set.of("attempt-" + attemptId, "measurement-" + scoreId)), "" + endedIds);
        ended.path("entry").forEach(entry -> assertEquals("final", entry.at("/resource/status").asText()));

        Set<String> either = ids(search(clinic, clientId, Map.of("status", List.of("final,preliminary"))));
        assertEquals(endedIds.size() + 1, either.size());
        assertEquals(Set.of("attempt-" + attemptId), ids(search(clinic, clientId, Map.of("status", List.of("final"),
                "code", List.of(HOMEWORK + "|homework-attempt")))));
        for (String status : List.of("amended", "entered-in-error", "http://example.org/status|final", "FINAL")) {
            assertEquals(Set.of(), ids(search(clinic, clientId, Map.of("status", List.of(status)))), status);
        }
        // Repeated parameters are ANDed: nothing is both.
        assertEquals(Set.of(), ids(search(clinic, clientId, Map.of("status", List.of("final", "preliminary")))));
    }

    @Test
    void shouldWriteBackAndFindAScoreByTheIdentifiersItWasCreatedWith() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String system = "urn:oid:2.16.840.1.113883.19.5." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1000);
        String odd = "QR|7,b$" + UUID.randomUUID();
        Response created = clinic.integration().contentType("application/fhir+json").accept("application/fhir+json")
                .header("If-None-Exist", "identifier=" + system + "|" + "QR-1")
                .body(FhirOperation.phq9Total(clientId.toString(), system, "QR-1")).post("/fhir/R4/Observation");
        created.then().statusCode(201);
        JsonNode first = assertValid(created, "Observation");
        assertEquals(system, first.at("/identifier/0/system").asText(), "on create: " + first);
        assertEquals("QR-1", first.at("/identifier/0/value").asText());
        clinic.integration().contentType("application/fhir+json").accept("application/fhir+json")
                .body(FhirOperation.phq9Total(clientId.toString(), system, odd)).post("/fhir/R4/Observation")
                .then().statusCode(201);
        created(clinic, "/v1/clients/" + clientId + "/measurements",
                Map.of("instrument", "phq9", "score", 3, "measuredOn", "2026-01-12"));

        Response read = clinic.clinician().accept("application/fhir+json")
                .get("/fhir/R4/Observation/{id}", first.path("id").asText());
        JsonNode stored = assertValid(read, "Observation");
        assertEquals(system + "|QR-1", stored.at("/identifier/0/system").asText() + "|"
                + stored.at("/identifier/0/value").asText());
        assertEquals(1, stored.path("identifier").size());

        JsonNode bySystemAndValue = search(clinic, clientId, Map.of("identifier", List.of(system + "|QR-1")));
        assertEquals(Set.of(first.path("id").asText()), ids(bySystemAndValue));
        assertEquals("QR-1", bySystemAndValue.at("/entry/0/resource/identifier/0/value").asText());
        assertEquals(Set.of(first.path("id").asText()), ids(search(clinic, clientId, Map.of("identifier",
                List.of("QR-1")))));
        String escaped = odd.replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
        JsonNode byOdd = search(clinic, clientId, Map.of("identifier", List.of(system + "|" + escaped)));
        assertEquals(1, byOdd.path("entry").size(), escaped + ": " + byOdd);
        assertEquals(odd, byOdd.at("/entry/0/resource/identifier/0/value").asText());
        assertEquals(2, search(clinic, clientId, Map.of("identifier", List.of(system + "|"))).path("entry").size());
        for (String none : List.of("|QR-1", "urn:other|QR-1", system + "|QR-2", "qr-1")) {
            assertEquals(Set.of(), ids(search(clinic, clientId, Map.of("identifier", List.of(none)))), none);
        }
    }

    @Test
    void shouldCarryTheNewFiltersInNextLinksAndPageThemStably() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String system = "urn:ehr:" + UUID.randomUUID();
        Set<String> stored = new HashSet<>();
        for (String value : List.of("a", "b", "c")) {
            Response created = clinic.integration().contentType("application/fhir+json").accept("application/fhir+json")
                    .body(FhirOperation.phq9Total(clientId.toString(), system, value)).post("/fhir/R4/Observation");
            created.then().statusCode(201);
            stored.add(Json.of(created).path("id").asText());
        }
        created(clinic, "/v1/clients/" + clientId + "/measurements",
                Map.of("instrument", "phq9", "score", 3, "measuredOn", "2026-01-12"));

        List<String> seen = new ArrayList<>();
        String next = "/fhir/R4/Observation?patient=" + clientId + "&identifier=" + system + "%7C"
                + "&status=final&_lastUpdated=ge2026-01-01&_count=2";
        while (next != null) {
            URI link = URI.create(next);
            Map<String, String> query = new HashMap<>();
            for (String pair : link.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            assertEquals(system + "|", query.get("identifier"), "the next link keeps the filters: " + next);
            assertEquals("final", query.get("status"));
            assertEquals("ge2026-01-01", query.get("_lastUpdated"));
            Response page = clinic.integration().accept("application/fhir+json").queryParams(query).get(link.getRawPath());
            JsonNode bundle = assertValid(page, "Bundle");
            bundle.path("entry").forEach(entry -> seen.add(entry.at("/resource/id").asText()));
            // Stored between pages, a score of the same system must not shift what follows.
            if (seen.size() == 2) {
                clinic.integration().contentType("application/fhir+json")
                        .body(FhirOperation.phq9Total(clientId.toString(), system, "later")).post("/fhir/R4/Observation")
                        .then().statusCode(201);
            }
            next = relativeLink(bundle, "next");
        }

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no score twice: " + seen);
        assertTrue(seen.containsAll(stored), "every score of the system: " + seen);
        assertTrue(seen.size() <= 4, "nothing else: " + seen);
    }

    // --- Helpers -----------------------------------------------------------------------

    /** One search of the patient's Observations with these parameters, each value of a list repeated; valid. */
    static JsonNode search(TestClinic clinic, UUID clientId, Map<String, List<String>> parameters) {
        var request = clinic.integration().accept("application/fhir+json").queryParam("patient", clientId.toString())
                .queryParam("_count", "200");
        parameters.forEach((name, values) -> request.queryParam(name, values));
        Response response = request.get("/fhir/R4/Observation");
        assertEquals(200, response.statusCode(), parameters + ": " + response.asString());
        return assertValid(response, "Bundle");
    }

    /** The ids of a Bundle's entries. */
    static Set<String> ids(JsonNode bundle) {
        Set<String> ids = new HashSet<>();
        bundle.path("entry").forEach(entry -> ids.add(entry.at("/resource/id").asText()));
        return ids;
    }

    static UUID created(TestClinic clinic, String path, Map<String, Object> body) {
        Response response = clinic.clinician().body(body).post(path);
        response.then().statusCode(201);
        return UUID.fromString(Json.text(Json.of(response), "id"));
    }

    /** The components by their code (the last of a code that repeats). */
    static Map<String, JsonNode> components(JsonNode observation) {
        Map<String, JsonNode> byCode = new HashMap<>();
        observation.path("component").forEach(component -> byCode.put(component.at("/code/coding/0/code").asText(), component));
        return byCode;
    }

    private static List<String> codesOf(JsonNode observation, String componentCode) {
        List<String> codes = new ArrayList<>();
        observation.path("component").forEach(component -> {
            if (componentCode.equals(component.at("/code/coding/0/code").asText())) {
                codes.add(component.at("/valueCodeableConcept/coding/0/code").asText());
            }
        });
        return codes;
    }

    /** A member of the answer's {@code meta}, such as its versionId. */
    static String meta(Response response, String member) {
        return Json.of(response).path("meta").path(member).asText();
    }

    /** A link of the Bundle as a path and query on this server, or null. */
    static String relativeLink(JsonNode bundle, String relation) {
        for (JsonNode link : bundle.path("link")) {
            if (relation.equals(link.path("relation").asText())) {
                URI uri = URI.create(link.path("url").asText());
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        }
        return null;
    }
}
