package com.homeworkapi.security;

import static com.homeworkapi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.FhirOperation;
import com.homeworkapi.support.FhirValidation;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SMART v2 scopes narrow a token on /fhir/R4 and /v1 alike, through one table (ScopeTable);
 * a token without {@code scope} keeps its role's rules (every other test runs with such tokens).
 */
@QuarkusTest
class SmartScopesTest {

    @Test
    void shouldLetATokenWithOnlyObservationReadAndSearchReadObservationsAndNothingElse() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        RequestSpecification observationsOnly = TestClinic.as(staffToken(clinic, "integration", "system/Observation.rs"));
        SeededClient.State before = seeded.state();

        Response observations = FhirOperation.SEARCH_OBSERVATION.send(observationsOnly, seeded);
        observations.then().statusCode(200);
        FhirValidation.assertValid(observations, "Bundle");
        ApiOperation.LIST_CLIENT_ATTEMPTS.send(TestClinic.as(staffToken(clinic, "integration", "system/Observation.rs")),
                seeded).then().statusCode(200);

        Response patient = FhirOperation.READ_PATIENT.send(
                TestClinic.as(staffToken(clinic, "integration", "system/Observation.rs")), seeded);
        patient.then().statusCode(403).header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        FhirValidation.assertValid(patient, "OperationOutcome");
        for (ApiOperation refused : List.of(ApiOperation.LIST_GOALS, ApiOperation.GET_GOAL,
                ApiOperation.RECORD_MEASUREMENT, ApiOperation.LOG_ATTEMPT, ApiOperation.CREATE_GOAL,
                ApiOperation.GET_COMPLIANCE_REPORT, ApiOperation.GET_CLINIC_SETTINGS)) {
            Response response = refused.send(
                    TestClinic.as(staffToken(clinic, "integration", "system/Observation.rs")), seeded);
            assertProblem(response, 403);
            assertEquals("Bearer error=\"insufficient_scope\"", response.header("WWW-Authenticate"), refused.operationId);
        }
        assertEquals(before, seeded.state(), "a refused write changed nothing");
    }

    @Test
    void shouldLetAWildcardSystemScopeDoWhatTheRoleAllows() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        for (ApiOperation operation : List.of(ApiOperation.CREATE_GOAL, ApiOperation.GET_CLIENT,
                ApiOperation.RECORD_MEASUREMENT, ApiOperation.GET_CLINIC_SETTINGS)) {
            operation.send(TestClinic.as(staffToken(clinic, "clinician", "openid system/*.cruds")), seeded)
                    .then().statusCode(operation.successStatus);
        }
        // Scopes narrow a role, never widen it: a clinician stays out of the admin's settings.
        assertProblem(ApiOperation.UPDATE_CLINIC_SETTINGS.send(
                TestClinic.as(staffToken(clinic, "clinician", "system/*.cruds")), seeded), 403);
    }

    @Test
    void shouldHoldAClientTokenToPatientScopesForItsOwnRecords() {
        TestClinic clinic = new TestClinic();
        SeededClient own = SeededClient.in(clinic);
        String readOnly = Tokens.sign(Tokens.claims(clinic.id, "client", "client-" + own.clientId)
                .claim("client_id", own.clientId.toString()).claim("scope", "patient/*.rs"));
        String systemScoped = Tokens.sign(Tokens.claims(clinic.id, "client", "client-" + own.clientId)
                .claim("client_id", own.clientId.toString()).claim("scope", "system/*.cruds"));

        ApiOperation.LIST_GOALS.send(TestClinic.as(readOnly), own).then().statusCode(200);
        FhirOperation.READ_PATIENT.send(TestClinic.as(readOnly), own).then().statusCode(200);
        assertProblem(ApiOperation.LOG_ATTEMPT.send(TestClinic.as(readOnly), own), 403);
        // system/ scopes are for backend services: a client's token gets nothing from them.
        assertProblem(ApiOperation.LIST_GOALS.send(TestClinic.as(systemScoped), own), 403);
    }

    @Test
    void shouldGrantNothingFromScopesThatNameNoResourceOrNarrowByQuery() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        for (String scope : List.of("openid fhirUser offline_access", "system/Observation.rs?category=survey",
                "system/Observation.xyz", "")) {
            Response response = ApiOperation.LIST_CLIENT_ATTEMPTS.send(
                    TestClinic.as(staffToken(clinic, "integration", scope)), seeded);
            assertProblem(response, 403);
        }
        ApiOperation.LIST_CLIENT_ATTEMPTS.send(TestClinic.as(staffToken(clinic, "integration", "user/Observation.read")),
                seeded).then().statusCode(200);
    }

    @Test
    void shouldHaveAnEntryInTheScopeTableForEveryOperationAndNoOther() {
        Set<String> operations = Stream.concat(Arrays.stream(ApiOperation.values()).map(operation -> operation.operationId),
                Arrays.stream(FhirOperation.values()).map(operation -> operation.operationId))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(operations, new TreeSet<>(ScopeTable.OPERATIONS.keySet()));
    }

    @Test
    void shouldPublishTheSmartConfigurationForBackendServices() {
        Response response = FhirOperation.READ_SMART_CONFIGURATION.send(
                given().filter(Contract.STRICT), null, Map.of());

        response.then().statusCode(200).contentType("application/json");
        JsonNode configuration = Json.of(response);
        assertEquals("https://idp.clinic.test/oauth2/token", configuration.path("token_endpoint").asText());
        assertEquals(List.of("private_key_jwt"), strings(configuration.path("token_endpoint_auth_methods_supported")));
        List<String> scopes = strings(configuration.path("scopes_supported"));
        assertTrue(scopes.contains("system/Observation.rs") && scopes.contains("system/*.cruds")
                && scopes.contains("patient/*.rs"), "scopes: " + scopes);
        assertTrue(strings(configuration.path("capabilities")).contains("permission-v2"), configuration.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static String staffToken(TestClinic clinic, String role, String scope) {
        return Tokens.sign(Tokens.claims(clinic.id, role, "ehr-" + UUID.randomUUID()).claim("scope", scope));
    }
}
