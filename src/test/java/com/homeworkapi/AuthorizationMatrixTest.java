package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertAnsweredAsAbsent;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.ApiOperation.Audience;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.Html;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Iterator;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which role may call which operation on whose data within a clinic, for every operation of
 * the contract. A new operation fails {@link #shouldCoverEveryOperationOfTheContract()} until it
 * is added to {@link ApiOperation}, and so to every test that goes over all operations (these,
 * {@link TenancyTest}, {@link AuthenticationTest} and the bad-input tests).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static Stream<ApiOperation> operationsOnAnObject() {
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.targetParameter() != null || operation.namesObjectInBody());
    }

    static Stream<ApiOperation> clientVisibleOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible);
    }

    static Stream<ApiOperation> staffOnlyOperations() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> !operation.clientVisible());
    }

    /** Operations some staff roles may not call: the admins' own, and the webhook endpoints. */
    static Stream<ApiOperation> adminOnlyOperations() {
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.audience == Audience.ADMIN_ONLY
                        || operation.audience == Audience.WEBHOOK_MANAGERS);
    }

    // --- Client tokens ---------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVisibleOperations")
    void shouldAnswer404ToAnotherClientOfTheSameClinic(ApiOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient owner = SeededClient.in(clinic);
        UUID otherClient = clinic.createClient();
        SeededClient.State before = owner.state();

        Response refused = operation.send(clinic.client(otherClient), owner);
        Response absent = operation.send(clinic.client(otherClient), owner, UUID.randomUUID().toString());

        assertAnsweredAsAbsent(operation, refused, absent);
        assertEquals(before, owner.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffOnlyOperations")
    void shouldForbidClientTokensStaffOnlyOperationsOnTheirOwnDataAndOthers(ApiOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient owner = SeededClient.in(clinic);
        UUID otherClient = clinic.createClient();
        SeededClient.State before = owner.state();

        assertProblem(operation.send(clinic.client(owner.clientId), owner), 403);
        assertProblem(operation.send(clinic.client(otherClient), owner), 403);

        assertEquals(before, owner.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVisibleOperations")
    void shouldLetAClientUseItsOwnData(ApiOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient own = SeededClient.in(clinic);

        Response response = operation.send(clinic.client(own.clientId), own);

        response.then().statusCode(operation.successStatus);
        if (operation.answersHtml()) {
            // A page names the client it is about on its <main>.
            assertEquals(own.clientId.toString(), Html.of(response).attribute("/html/body/main", "data-client-id"));
            return;
        }
        JsonNode body = Json.of(response);
        if (operation.isList()) {
            assertEquals(operation.itemsOfOneSeededClient(), body.path("items").size(), "items: " + body);
        } else if (operation.method == Method.GET) {
            // An object answers with its id; a view of one (compliance, progress) names it by clientId etc.
            String parameter = operation.pathParameter();
            String property = operation.path.endsWith("{" + parameter + "}") ? "id" : parameter;
            assertEquals(own.id(parameter).toString(), body.path(property).asText(), property + ": " + body);
        } else if (operation.namesObjectInBody()) {
            JsonNode result = body.path("results").path(0);
            assertEquals("created", result.path("status").asText(), "results[0].status: " + body);
            assertEquals(own.clientId.toString(), result.path("attempt").path("clientId").asText(), "clientId: " + body);
        } else {
            assertEquals(own.clientId.toString(), body.path("clientId").asText(), "clientId: " + body);
        }
    }

    // --- Staff roles -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinician", "integration", "admin"})
    void shouldLetEveryStaffRoleDoEverythingItsRoleAllowsInItsOwnClinic(String role) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        for (ApiOperation operation : ApiOperation.values()) {
            if (!operation.allows(role)) {
                continue;
            }
            Response response = operation.send(clinic.staff(role), seeded);
            response.then().statusCode(operation.successStatus);
            if (operation.successStatus == 201) {
                // What the role created, it can read back: at its Location, or, for what has no
                // path of its own (measurements, reviews), in the list it was posted to.
                String location = response.header("Location");
                String id = Json.text(Json.of(response), "id");
                if (location != null) {
                    Response readBack = clinic.staff(role).get(URI.create(location).getPath());
                    readBack.then().statusCode(200);
                    assertEquals(id, Json.of(readBack).path("id").asText(), operation + " read back at " + location);
                } else {
                    Response list = clinic.staff(role).queryParam("limit", 200).get(operation.path, seeded.clientId);
                    list.then().statusCode(200);
                    assertTrue(Json.texts(Json.of(list).path("items"), "id").contains(id),
                            operation + ": " + id + " should be listed");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminOnlyOperations")
    void shouldForbidStaffWithoutTheAdminRoleAdminOnlyOperations(ApiOperation operation) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        SeededClient.State before = seeded.state();

        for (String role : ApiOperation.STAFF_ROLES) {
            if (!operation.allows(role)) {
                assertProblem(operation.send(clinic.staff(role), seeded), 403);
            }
        }

        assertEquals(before, seeded.state());
    }

    // --- The matrix covers the contract ------------------------------------------------

    @Test
    void shouldCoverEveryOperationOfTheContract() throws IOException {
        Set<String> covered = Arrays.stream(ApiOperation.values())
                .map(operation -> operation.operationId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(contractOperations().keySet()), covered,
                "every operationId in openapi.yaml needs an entry in ApiOperation, and so authorization tests");
    }

    @Test
    void shouldCallEachOperationWithTheMethodAndPathOfTheContract() throws IOException {
        Map<String, String> contract = contractOperations();
        Map<String, String> matrix = new TreeMap<>();
        Arrays.stream(ApiOperation.values())
                .filter(operation -> contract.containsKey(operation.operationId))
                .forEach(operation -> matrix.put(operation.operationId,
                        operation.method.name() + " " + anyParameterNames(operation.path)));

        contract.keySet().retainAll(matrix.keySet());
        assertEquals(contract, matrix);
    }

    /**
     * operationId to "METHOD /path" for every operation of /v1 in openapi.yaml; the FHIR face has
     * its own matrix (FhirOperationsTest), as its errors are OperationOutcomes.
     */
    private static Map<String, String> contractOperations() throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Contract.spec()).path("paths");
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        Map<String, String> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(entry -> {
                if (methods.contains(entry.getKey())) {
                    String operationId = entry.getValue().path("operationId").asText("(no operationId)");
                    operations.put(operationId,
                            entry.getKey().toUpperCase() + " " + anyParameterNames(path.getKey()));
                }
            });
        }
        return operations;
    }

    /** Path parameter names are the contract's to choose; only their places must agree. */
    private static String anyParameterNames(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
