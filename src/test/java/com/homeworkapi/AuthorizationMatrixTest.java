package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may call which operation on whose data, for every operation of the contract. A new
 * operation fails {@link #shouldCoverEveryOperationOfTheContract()} until it is added to
 * {@link ApiOperation} and so to every test here.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static Stream<ApiOperation> operationsOnAnObject() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.pathParameter() != null);
    }

    static Stream<ApiOperation> clientVisibleOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible);
    }

    static Stream<ApiOperation> staffOnlyOperations() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> !operation.clientVisible());
    }

    // --- Tenancy: another clinic -------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnAnObject")
    void shouldAnswerAnotherClinicWith404AsIfTheObjectDidNotExist(ApiOperation operation) {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        SeededClient.State before = owner.state();

        Response refused = operation.send(otherClinic.clinician(), owner);
        Response absent = operation.send(otherClinic.clinician(), owner, UUID.randomUUID().toString());

        assertAnsweredAsAbsent(refused, absent);
        assertEquals(before, owner.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVisibleOperations")
    void shouldAnswer404ToAClientTokenOfAnotherClinicThatNamesThisClient(ApiOperation operation) {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        SeededClient.State before = owner.state();

        Response refused = operation.send(otherClinic.client(owner.clientId), owner);
        Response absent = operation.send(otherClinic.client(owner.clientId), owner, UUID.randomUUID().toString());

        assertAnsweredAsAbsent(refused, absent);
        assertEquals(before, owner.state());
    }

    @Test
    void shouldListAndCreateClientsOnlyInTheCallersOwnClinic() {
        SeededClient owner = SeededClient.in(new TestClinic());
        TestClinic otherClinic = new TestClinic();
        UUID othersOwnClient = otherClinic.createClient();
        SeededClient.State before = owner.state();

        otherClinic.clinician().queryParam("limit", 200).get("/v1/clients").then().statusCode(200)
                .body("items.id", contains(othersOwnClient.toString()));
        ApiOperation.CREATE_CLIENT.send(otherClinic.clinician(), owner).then().statusCode(201);

        assertEquals(before, owner.state());
        otherClinic.clinician().queryParam("limit", 200).get("/v1/clients").then().statusCode(200)
                .body("items.size()", equalTo(2));
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

        assertAnsweredAsAbsent(refused, absent);
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
        if (operation.isList()) {
            response.then().body("items.size()", equalTo(1));
        } else if (operation.method == Method.GET) {
            response.then().body("id", equalTo(own.id(operation.pathParameter()).toString()));
        } else {
            response.then().body("clientId", equalTo(own.clientId.toString()));
        }
    }

    // --- Staff roles -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinician", "integration", "admin"})
    void shouldLetEveryStaffRoleDoEverythingInItsOwnClinic(String role) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        for (ApiOperation operation : ApiOperation.values()) {
            Response response = operation.send(TestClinic.as(Tokens.staff(clinic.id, role)), seeded);
            response.then().statusCode(operation.successStatus);
            if (operation.successStatus == 201) {
                // What the role created, it can read back at the Location it was given.
                String location = URI.create(response.header("Location")).getPath();
                TestClinic.as(Tokens.staff(clinic.id, role)).get(location).then().statusCode(200)
                        .body("id", equalTo(response.path("id")));
            }
        }
    }

    // --- Credentials -----------------------------------------------------------------

    /** Ways a bearer token can fail to be a credential of this API. */
    enum BadCredential {
        NO_TOKEN(clinic -> null),
        MALFORMED(clinic -> "not.a-jwt"),
        FOREIGN_SIGNATURE(clinic -> Tokens.signWithForeignKey(Tokens.claims(clinic, "clinician", "staff-x"))),
        EXPIRED(clinic -> Tokens.sign(Tokens.claims(clinic, "clinician", "staff-x")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)))),
        WRONG_ISSUER(clinic -> Tokens.sign(Tokens.claims(clinic, "clinician", "staff-x")
                .issuer("https://idp.elsewhere.example"))),
        NO_CLINIC_ID(clinic -> Tokens.sign(Tokens.claims(null, "clinician", "staff-x"))),
        CLINIC_ID_NOT_A_UUID(clinic -> Tokens.sign(Tokens.claims(null, "clinician", "staff-x")
                .claim("clinic_id", "clinic-42"))),
        CLIENT_WITHOUT_CLIENT_ID(clinic -> Tokens.sign(Tokens.claims(clinic, "client", "client-x")));

        private final Function<UUID, String> token;

        BadCredential(Function<UUID, String> token) {
            this.token = token;
        }

        RequestSpecification request(UUID clinicId) {
            RequestSpecification request = given().contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY);
            String bearer = token.apply(clinicId);
            return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
        }

        /** A client token without client_id is a client's token; it matters where clients may call. */
        boolean appliesTo(ApiOperation operation) {
            return this != CLIENT_WITHOUT_CLIENT_ID || operation.clientVisible();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadCredential.class)
    void shouldAnswer401WithABearerChallengeToEveryOperation(BadCredential credential) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        SeededClient.State before = seeded.state();

        assertAll(Arrays.stream(ApiOperation.values())
                .filter(credential::appliesTo)
                .map(operation -> (Executable) () -> assertUnauthorized(operation,
                        operation.send(credential.request(clinic.id), seeded))));

        assertEquals(before, seeded.state());
    }

    @Test
    void shouldAnswer401ToAClientTokenWithoutClientIdWhetherOrNotTheObjectExists() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        assertAll(clientVisibleOperations()
                .map(operation -> (Executable) () -> assertUnauthorized(operation,
                        operation.send(BadCredential.CLIENT_WITHOUT_CLIENT_ID.request(clinic.id), seeded,
                                UUID.randomUUID().toString()))));
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

    /** operationId to "METHOD /path" for every operation in openapi.yaml. */
    private static Map<String, String> contractOperations() throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Contract.spec()).path("paths");
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        Map<String, String> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
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

    // --- Assertions ------------------------------------------------------------------

    /** A 404 that says exactly what a request for an id that exists nowhere is told. */
    private static void assertAnsweredAsAbsent(Response refused, Response absent) {
        assertProblem(absent, 404);
        assertProblem(refused, 404);
        assertEquals(absent.jsonPath().getMap("$"), refused.jsonPath().getMap("$"));
    }

    private static void assertUnauthorized(ApiOperation operation, Response response) {
        assertEquals(401, response.statusCode(), operation + ": status");
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"),
                operation + ": WWW-Authenticate should challenge Bearer but was " + challenge);
        assertProblem(response, 401);
    }
}
