package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.ApiOperation.Audience;
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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
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
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.targetParameter() != null || operation.namesObjectInBody());
    }

    static Stream<ApiOperation> clientVisibleOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible);
    }

    static Stream<ApiOperation> staffOnlyOperations() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> !operation.clientVisible());
    }

    static Stream<ApiOperation> adminOnlyOperations() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.audience == Audience.ADMIN_ONLY);
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

        assertAnsweredAsAbsent(operation, refused, absent);
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

        assertAnsweredAsAbsent(operation, refused, absent);
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
        if (operation.isList()) {
            response.then().body("items.size()", equalTo(operation.itemsOfOneSeededClient()));
        } else if (operation.method == Method.GET) {
            // An object answers with its id; a view of one (compliance, progress) names it by clientId etc.
            String parameter = operation.pathParameter();
            String property = operation.path.endsWith("{" + parameter + "}") ? "id" : parameter;
            response.then().body(property, equalTo(own.id(parameter).toString()));
        } else if (operation.namesObjectInBody()) {
            response.then().body("results[0].status", equalTo("created"))
                    .body("results[0].attempt.clientId", equalTo(own.clientId.toString()));
        } else {
            response.then().body("clientId", equalTo(own.clientId.toString()));
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
                if (location != null) {
                    clinic.staff(role).get(URI.create(location).getPath()).then().statusCode(200)
                            .body("id", equalTo(response.path("id")));
                } else {
                    String id = response.path("id");
                    clinic.staff(role).queryParam("limit", 200).get(operation.path, seeded.clientId).then()
                            .statusCode(200).body("items.id", hasItem(id));
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

    // --- Clinic-level operations: settings and reports ---------------------------------

    @Test
    void shouldKeepEachClinicsSettingsToItself() {
        SeededClient ours = SeededClient.in(new TestClinic());
        SeededClient theirs = SeededClient.in(new TestClinic());
        Map<String, Object> defaults = settingsOf(theirs.clinic, "\"0\"");

        // Our admin's save is invisible to the other clinic, which keeps its defaults and ETag.
        saveSettings(ours.clinic, "\"0\"", settings(0.9, 0.6)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        assertEquals(defaults, settingsOf(theirs.clinic, "\"0\""));
        thresholdsOf(theirs).then().body("thresholds.met", equalTo(0.8f));
        thresholdsOf(ours).then().body("thresholds.met", equalTo(0.9f));
        // Nor can they record on the instrument we defined.
        assertInvalidField(theirs.clinic.clinician()
                .body(Map.of("instrument", "pcl5", "score", 40, "measuredOn", "2026-01-12"))
                .post("/v1/clients/{clientId}/measurements", theirs.clientId), "instrument");

        // Our ETag means nothing to them: their settings are still at "0".
        SeededClient.State theirsBefore = theirs.state();
        assertProblem(saveSettings(theirs.clinic, "\"1\"", settings(0.7, 0.4)), 412);
        assertEquals(theirsBefore, theirs.state());

        // And vice versa: their first save leaves ours as they were.
        Map<String, Object> oursSaved = settingsOf(ours.clinic, "\"1\"");
        saveSettings(theirs.clinic, "\"0\"", settings(0.7, 0.4)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        assertEquals(oursSaved, settingsOf(ours.clinic, "\"1\""));
        thresholdsOf(ours).then().body("thresholds.met", equalTo(0.9f));
        thresholdsOf(theirs).then().body("thresholds.met", equalTo(0.7f));
        saveSettings(ours.clinic, "\"1\"", settings(0.85, 0.6)).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        theirs.clinic.clinician().get("/v1/clinic/settings").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("compliance.met", equalTo(0.7f));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinician", "integration", "admin"})
    void shouldNeverListAClientInAnotherClinicsReports(String role) {
        TestClinic ourClinic = new TestClinic();
        UUID ourRelapse = clientInRelapse(ourClinic);
        SeededClient ours = SeededClient.in(ourClinic);
        TestClinic otherClinic = new TestClinic();
        UUID theirRelapse = clientInRelapse(otherClinic);

        // Our reports list our clients, so the other clinic's can only be without them by tenancy.
        ourClinic.staff(role).get("/v1/reports/compliance").then().statusCode(200)
                .body("items.clientId", containsInAnyOrder(ourRelapse.toString(), ours.clientId.toString()));
        ourClinic.staff(role).get("/v1/reports/at-risk").then().statusCode(200)
                .body("items.clientId", contains(ourRelapse.toString()));

        otherClinic.staff(role).get("/v1/reports/compliance").then().statusCode(200)
                .body("items.clientId", contains(theirRelapse.toString()));
        otherClinic.staff(role).get("/v1/reports/at-risk").then().statusCode(200)
                .body("items.clientId", contains(theirRelapse.toString()));
        assertEquals(List.of("clientId", theirRelapse.toString()), csvFirstColumn(otherClinic.staff(role)));
        assertEquals(Set.of("clientId", ourRelapse.toString(), ours.clientId.toString()),
                Set.copyOf(csvFirstColumn(ourClinic.staff(role))));
    }

    @Test
    void shouldGuardTheCsvComplianceReportLikeItsJson() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        assertProblem(clinic.client(seeded.clientId).accept("text/csv").get("/v1/reports/compliance"), 403);
        Response anonymous = given().filter(Contract.RESPONSES_ONLY).accept("text/csv").get("/v1/reports/compliance");
        assertUnauthorized(ApiOperation.GET_COMPLIANCE_REPORT, anonymous);
    }

    // --- Credentials -----------------------------------------------------------------

    /**
     * Ways a bearer token can fail to be a credential of this API. A signed token is of a role
     * the operation allows (an admin's where only admins may), so only the fault can refuse it.
     */
    enum BadCredential {
        NO_TOKEN((clinic, role) -> null),
        MALFORMED((clinic, role) -> "not.a-jwt"),
        FOREIGN_SIGNATURE((clinic, role) -> Tokens.signWithForeignKey(Tokens.claims(clinic, role, "staff-x"))),
        EXPIRED((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)))),
        LIVES_TOO_LONG((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(2 * 24 * 3600)))),
        WRONG_ISSUER((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuer("https://idp.elsewhere.example"))),
        NO_CLINIC_ID((clinic, role) -> Tokens.sign(Tokens.claims(null, role, "staff-x"))),
        CLINIC_ID_NOT_A_UUID((clinic, role) -> Tokens.sign(Tokens.claims(null, role, "staff-x")
                .claim("clinic_id", "clinic-42"))),
        WRONG_AUDIENCE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .audience("https://other-api.example"))),
        NO_AUDIENCE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x").remove("aud"))),
        /** Issued a year ahead with an hour to live: without a check of iat, good for a year. */
        ISSUED_IN_THE_FUTURE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now().plusSeconds(365L * 24 * 3600))
                .expiresAt(Instant.now().plusSeconds(365L * 24 * 3600 + 3600)))),
        /** Client and staff at once: scoped to one client or to the whole clinic? Neither. */
        CLIENT_AND_STAFF_ROLES((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "client-x")
                .groups(Set.of("client", role)).claim("client_id", UUID.randomUUID().toString()))),
        CLIENT_WITHOUT_CLIENT_ID((clinic, role) -> Tokens.sign(Tokens.claims(clinic, "client", "client-x")));

        private final BiFunction<UUID, String, String> token;

        BadCredential(BiFunction<UUID, String, String> token) {
            this.token = token;
        }

        RequestSpecification request(UUID clinicId, ApiOperation operation) {
            RequestSpecification request = given().contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY);
            String bearer = token.apply(clinicId, operation.audience.staffRole());
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
                        operation.send(credential.request(clinic.id, operation), seeded))));

        assertEquals(before, seeded.state());
    }

    @Test
    void shouldAnswer401ToAClientTokenWithoutClientIdWhetherOrNotTheObjectExists() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        assertAll(clientVisibleOperations()
                .map(operation -> (Executable) () -> assertUnauthorized(operation,
                        operation.send(BadCredential.CLIENT_WITHOUT_CLIENT_ID.request(clinic.id, operation), seeded,
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

    // --- Helpers ----------------------------------------------------------------------

    private static Map<String, Object> settings(double met, double adequate) {
        Map<String, Object> settings = new HashMap<>(ApiOperation.clinicSettings());
        settings.put("compliance", Map.of("met", met, "adequate", adequate));
        return settings;
    }

    private static Response saveSettings(TestClinic clinic, String ifMatch, Map<String, Object> settings) {
        return clinic.admin().header("If-Match", ifMatch).body(settings).put("/v1/clinic/settings");
    }

    /** The clinic's settings as each staff role reads them, all under the expected ETag. */
    private static Map<String, Object> settingsOf(TestClinic clinic, String etag) {
        Map<String, Object> asAdminReadsThem = null;
        for (String role : ApiOperation.STAFF_ROLES) {
            Response response = clinic.staff(role).get("/v1/clinic/settings");
            response.then().statusCode(200).header("ETag", equalTo(etag));
            Map<String, Object> read = response.jsonPath().getMap("$");
            if (asAdminReadsThem != null) {
                assertEquals(asAdminReadsThem, read);
            }
            asAdminReadsThem = read;
        }
        return asAdminReadsThem;
    }

    /** The client's compliance, whose thresholds come from the settings of the client's clinic. */
    private static Response thresholdsOf(SeededClient seeded) {
        Response response = seeded.clinic.clinician().get("/v1/clients/{clientId}/compliance", seeded.clientId);
        response.then().statusCode(200);
        return response;
    }

    /** An active client who did the homework six and five weeks ago and nothing since. */
    private static UUID clientInRelapse(TestClinic clinic) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate sixWeeksAgo = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(6);
        UUID clientId = clinic.createClient();
        UUID assignmentId = UUID.fromString(clinic.clinician()
                .body(Map.of("title", "Leave the house without checking the stove", "kind", "exposure",
                        "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3,
                                "startDate", sixWeeksAgo.toString())))
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201).extract().path("id"));
        for (int week = 0; week < 2; week++) {
            for (int day = 1; day <= 3; day++) {
                String evening = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        sixWeeksAgo.plusWeeks(week).plusDays(day).atTime(LocalTime.of(19, 0)).atZone(zone));
                clinic.client(clientId).body(Map.of("occurredAt", evening, "outcome", "completed"))
                        .post("/v1/assignments/{assignmentId}/attempts", assignmentId).then().statusCode(201);
            }
        }
        return clientId;
    }

    /** The first cell of every line of the compliance report as CSV, the header's included. */
    private static List<String> csvFirstColumn(RequestSpecification staff) {
        Response csv = staff.accept("text/csv").get("/v1/reports/compliance");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        // Client ids are UUIDs: the first cell of a row, quoted like every cell, holds no comma or quote.
        return csv.asString().lines().map(line -> line.split(",", 2)[0].replace("\"", "")).toList();
    }

    // --- Assertions ------------------------------------------------------------------

    /**
     * A 404 that says exactly what a request for an id that exists nowhere is told. A batch
     * answers 200 and tells it in the result of its one item, rejected with that 404.
     */
    private static void assertAnsweredAsAbsent(ApiOperation operation, Response refused, Response absent) {
        if (operation.namesObjectInBody()) {
            assertEquals(itemProblem(absent, 404), itemProblem(refused, 404));
            return;
        }
        assertProblem(absent, 404);
        assertProblem(refused, 404);
        assertEquals(absent.jsonPath().getMap("$"), refused.jsonPath().getMap("$"));
    }

    private static Map<String, Object> itemProblem(Response batch, int status) {
        batch.then().statusCode(200).body("results.size()", equalTo(1))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].problem.status", equalTo(status));
        return batch.jsonPath().getMap("results[0].problem");
    }

    private static void assertUnauthorized(ApiOperation operation, Response response) {
        assertEquals(401, response.statusCode(), operation + ": status");
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"),
                operation + ": WWW-Authenticate should challenge Bearer but was " + challenge);
        assertProblem(response, 401);
    }
}
