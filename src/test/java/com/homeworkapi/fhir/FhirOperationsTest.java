package com.homeworkapi.fhir;

import static com.homeworkapi.support.FhirValidation.assertValid;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.AuditRows;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.FhirOperation;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interaction of the FHIR face, as the /v1 operations are covered by the authorization
 * matrix, the tenancy, bad-input and audit tests: who may call it, that another clinic's (or
 * client's) data answers exactly as missing data, that bad parameters are refused, that every
 * error is an OperationOutcome, that every call is audited, and that every answer validates
 * against FHIR R4.
 */
@QuarkusTest
class FhirOperationsTest {

    static Stream<FhirOperation> operations() {
        return Arrays.stream(FhirOperation.values());
    }

    static Stream<FhirOperation> fhirOperations() {
        return operations().filter(FhirOperation::answersFhir);
    }

    static Stream<FhirOperation> auditedOperations() {
        return operations().filter(FhirOperation::audited);
    }

    static Stream<FhirOperation> clientVisibleOperationsOnAClient() {
        return operations().filter(operation -> operation.audited() && operation.clientVisible()
                && operation.namesAClient());
    }

    static Stream<FhirOperation> staffOnlyOperations() {
        return operations().filter(operation -> !operation.clientVisible());
    }

    static Stream<FhirOperation> operationsOnAClient() {
        return operations().filter(FhirOperation::namesAClient);
    }

    // --- Roles -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhirOperations")
    void shouldAnswerEveryStaffRoleItsRoleAllowsWithValidFhir(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        for (String role : List.of("clinician", "integration", "admin")) {
            if (operation.allows(role)) {
                Response response = operation.send(clinic.staff(role), seeded);
                response.then().statusCode(operation.successStatus());
                assertValid(response, operation.answers);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVisibleOperationsOnAClient")
    void shouldLetAClientReadItsOwnDataAndAnswerAnotherClientsAsMissing(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient own = SeededClient.in(clinic);
        UUID otherClient = clinic.createClient();

        Response allowed = operation.send(clinic.client(own.clientId), own);
        allowed.then().statusCode(operation.successStatus());
        assertValid(allowed, operation.answers);

        Response refused = operation.send(clinic.client(otherClient), own);
        Response absent = operation.send(clinic.client(otherClient), operation.absentId(), Map.of());
        assertAnsweredAsAbsent(refused, absent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffOnlyOperations")
    void shouldForbidClientTokensStaffOnlyOperations(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient own = SeededClient.in(clinic);

        Response refused = operation.send(clinic.client(own.clientId), own);

        assertOutcome(refused, 403, "forbidden");
    }

    // --- Tenancy -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnAClient")
    void shouldAnswerAnotherClinicsDataExactlyAsDataThatDoesNotExist(FhirOperation operation) {
        TestClinic owner = new TestClinic();
        SeededClient seeded = SeededClient.in(owner);
        TestClinic intruder = new TestClinic();

        for (String role : List.of("clinician", "integration", "admin")) {
            Response refused = operation.send(intruder.staff(role), seeded);
            Response absent = operation.send(intruder.staff(role), operation.absentId(), Map.of());
            assertAnsweredAsAbsent(refused, absent);
        }
    }

    @Test
    void shouldNotFindAnotherClinicsPatientByItsIdentifier() {
        TestClinic owner = new TestClinic();
        owner.createClient(Map.of("timeZone", "Europe/Berlin",
                "externalIds", List.of(Map.of("system", "urn:oid:2.16.840.1.113883.3.42", "value", "MRN-7"))));
        TestClinic intruder = new TestClinic();

        Response search = FhirOperation.SEARCH_PATIENT.send(intruder.integration(), null,
                Map.of("identifier", "urn:oid:2.16.840.1.113883.3.42|MRN-7"));

        search.then().statusCode(200);
        JsonNode bundle = assertValid(search, "Bundle");
        assertEquals(0, bundle.path("entry").size(), "entries: " + bundle);
    }

    @Test
    void shouldNotFindAnotherClinicsScoreByItsIdentifier() {
        TestClinic owner = new TestClinic();
        UUID ownersClient = owner.createClient();
        String identifier = "EHR-QR-" + UUID.randomUUID();
        owner.integration().contentType(FhirOperation.FHIR_JSON)
                .body(FhirOperation.phq9Total(ownersClient.toString(), "urn:oid:2.16.840.1.113883.19.5", identifier))
                .post("/fhir/R4/Observation").then().statusCode(201);
        TestClinic intruder = new TestClinic();
        UUID intrudersClient = intruder.createClient();

        for (String token : List.of("urn:oid:2.16.840.1.113883.19.5|" + identifier, identifier,
                "urn:oid:2.16.840.1.113883.19.5|")) {
            Response own = FhirOperation.SEARCH_OBSERVATION.send(intruder.integration(), intrudersClient.toString(),
                    Map.of("identifier", token));
            own.then().statusCode(200);
            assertEquals(0, assertValid(own, "Bundle").path("entry").size(), token);
            Response refused = FhirOperation.SEARCH_OBSERVATION.send(intruder.integration(), ownersClient.toString(),
                    Map.of("identifier", token));
            Response absent = FhirOperation.SEARCH_OBSERVATION.send(intruder.integration(),
                    UUID.randomUUID().toString(), Map.of("identifier", token));
            assertAnsweredAsAbsent(refused, absent);
        }
        Response owners = FhirOperation.SEARCH_OBSERVATION.send(owner.integration(), ownersClient.toString(),
                Map.of("identifier", identifier));
        assertEquals(1, assertValid(owners, "Bundle").path("entry").size(), "the owner finds it");
    }

    // --- Authentication and bad input ------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditedOperations")
    void shouldAnswerACallWithoutATokenWithAnOperationOutcomeThatChallengesForOne(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        Response response = operation.send(given().filter(Contract.STRICT), seeded);

        assertOutcome(response, 401, "login");
        assertTrue(String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer"),
                "WWW-Authenticate: " + response.header("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhirOperations")
    void shouldRefuseAParameterItDoesNotSupportRatherThanIgnoreIt(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        String role = operation.access == FhirOperation.Access.PUBLIC ? "clinician" : "integration";

        for (String parameter : List.of("unknown", "_sort", "identifier:exact", "_summary")) {
            Response response = operation.send(clinic.sendingBadInput(role), targetOf(operation, seeded),
                    Map.of(parameter, "x"));
            assertOutcome(response, 400, "invalid");
            assertTrue(diagnostics(response).contains(parameter), parameter + ": " + diagnostics(response));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhirOperations")
    void shouldAnswerOnlyInJson(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        Response response = operation.send(clinic.sendingBadInput("integration"), targetOf(operation, seeded),
                Map.of("_format", "xml"));

        assertOutcome(response, 406, "not-supported");
    }

    @Test
    void shouldRefuseACountOutsideOneTo200AndACursorItDidNotIssue() {
        TestClinic clinic = new TestClinic();

        for (Map<String, String> bad : List.of(Map.of("_count", "0"), Map.of("_count", "201"),
                Map.of("_count", "ten"), Map.of("_cursor", "not-a-cursor"))) {
            Response response = FhirOperation.SEARCH_PATIENT.send(clinic.sendingBadInput("integration"), null, bad);
            assertOutcome(response, 400, "invalid");
        }
    }

    // --- Audit -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditedOperations")
    void shouldRecordEachCallInTheAuditTrailUnderItsFhirName(FhirOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        String requestId = "ehr-" + UUID.randomUUID();

        operation.send(clinic.integration().header("X-Request-Id", requestId), seeded).then()
                .statusCode(operation.successStatus());

        Map<String, String> event = AuditRows.onlyEventOf(requestId);
        assertAll(
                () -> assertEquals(clinic.id.toString(), event.get("clinic_id")),
                () -> assertEquals(operation.operationId, event.get("operation")),
                () -> assertEquals(operation.operationId.split("\\.")[1], event.get("resource_type")),
                () -> assertEquals(Integer.toString(operation.successStatus()), event.get("status")),
                () -> assertEquals("integration", event.get("actor_roles")),
                () -> {
                    if (operation.namesAClient()) {
                        assertEquals(seeded.clientId.toString(), event.get("client_id"));
                    }
                });
    }

    @Test
    void shouldNotAuditTheCapabilityStatementWhichHoldsNoClinicsData() {
        String requestId = "ehr-" + UUID.randomUUID();

        FhirOperation.READ_METADATA.send(given().header("X-Request-Id", requestId).filter(Contract.STRICT), null,
                Map.of()).then().statusCode(200);

        assertEquals(List.of(), AuditRows.ofRequest(requestId));
    }

    // --- The contract ------------------------------------------------------------------

    @Test
    void shouldCoverEveryFhirOperationOfTheContract() throws IOException {
        Map<String, String> covered = new TreeMap<>();
        for (FhirOperation operation : FhirOperation.values()) {
            covered.put(operation.operationId, (operation.isCreate() ? "POST " : "GET ")
                    + operation.path.replaceAll("\\{[^}]+}", "{}"));
        }

        assertEquals(fhirOperationsOfTheContract(), covered,
                "every /fhir/R4 operation of openapi.yaml needs an entry in FhirOperation, and so these tests");
    }

    @Test
    void shouldListInTheCapabilityStatementExactlyTheInteractionsServed() {
        Response metadata = FhirOperation.READ_METADATA.send(given().filter(Contract.STRICT), null, Map.of());
        JsonNode statement = assertValid(metadata, "CapabilityStatement");

        Set<String> listed = new TreeSet<>();
        for (JsonNode resource : statement.path("rest").path(0).path("resource")) {
            for (JsonNode interaction : resource.path("interaction")) {
                String code = interaction.path("code").asText();
                listed.add("fhir." + resource.path("type").asText() + "."
                        + ("search-type".equals(code) ? "search" : code));
            }
        }
        Set<String> served = operations().filter(FhirOperation::audited).map(operation -> operation.operationId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, listed);
        assertEquals("4.0.1", statement.path("fhirVersion").asText());
        assertEquals("SMART-on-FHIR",
                statement.path("rest").path(0).path("security").path("service").path(0).path("coding").path(0)
                        .path("code").asText());
    }

    // --- Helpers -----------------------------------------------------------------------

    private static String targetOf(FhirOperation operation, SeededClient seeded) {
        return operation.targetOf(seeded);
    }

    /** A 404 OperationOutcome that says exactly what a request for an id that exists nowhere is told. */
    private static void assertAnsweredAsAbsent(Response refused, Response absent) {
        assertOutcome(absent, 404, "not-found");
        assertOutcome(refused, 404, "not-found");
        assertEquals(Json.of(absent), Json.of(refused));
    }

    /** An error of the FHIR face: this status, and a valid OperationOutcome whose first issue has this code. */
    static void assertOutcome(Response response, int status, String issueCode) {
        response.then().statusCode(status);
        JsonNode outcome = assertValid(response, "OperationOutcome");
        assertEquals("error", outcome.path("issue").path(0).path("severity").asText(), "severity: " + outcome);
        assertEquals(issueCode, outcome.path("issue").path(0).path("code").asText(), "code: " + outcome);
    }

    private static String diagnostics(Response response) {
        StringBuilder all = new StringBuilder();
        Json.of(response).path("issue").forEach(issue -> all.append(issue.path("diagnostics").asText()).append('\n'));
        return all.toString();
    }

    private static Map<String, String> fhirOperationsOfTheContract() throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Contract.spec()).path("paths");
        Map<String, String> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/fhir/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(entry -> {
                if (!entry.getKey().equals("parameters")) {
                    operations.put(entry.getValue().path("operationId").asText(),
                            entry.getKey().toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"));
                }
            });
        }
        return operations;
    }
}
