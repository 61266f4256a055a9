package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertProblem;
import static com.homeworkapi.support.Problems.assertUnauthorized;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a bearer token can fail to be a credential of this API answers 401 with a Bearer
 * challenge at every operation, before anything is read or changed.
 */
@QuarkusTest
class AuthenticationTest {

    static Stream<ApiOperation> clientVisibleOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible);
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

    @Test
    void shouldGuardTheCsvComplianceReportLikeItsJson() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);

        assertProblem(clinic.client(seeded.clientId).accept("text/csv").get("/v1/reports/compliance"), 403);
        Response anonymous = given().filter(Contract.RESPONSES_ONLY).accept("text/csv").get("/v1/reports/compliance");
        assertUnauthorized(ApiOperation.GET_COMPLIANCE_REPORT, anonymous);
    }
}
