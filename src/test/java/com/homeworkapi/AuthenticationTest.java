package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertProblem;
import static com.homeworkapi.support.Problems.assertUnauthorized;
import static io.restassured.RestAssured.given;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.RefusedCredential;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A request without a token of this API's, signed by its issuer for it and alive now, answers
 * 401 with a Bearer challenge at every operation, before anything is read or changed. Tokens
 * that pass these checks but name no caller are {@link CallerClaimsTest}'s.
 */
@QuarkusTest
class AuthenticationTest {

    enum UnacceptedToken implements RefusedCredential {
        NO_TOKEN((clinic, role) -> null),
        MALFORMED((clinic, role) -> "not.a-jwt"),
        FOREIGN_SIGNATURE((clinic, role) -> Tokens.signWithForeignKey(Tokens.claims(clinic, role, "staff-x"))),
        EXPIRED((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)))),
        LIVES_TOO_LONG((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(2 * 24 * 3600)))),
        /** Issued a year ahead with an hour to live: without a check of iat, good for a year. */
        ISSUED_IN_THE_FUTURE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuedAt(Instant.now().plusSeconds(365L * 24 * 3600))
                .expiresAt(Instant.now().plusSeconds(365L * 24 * 3600 + 3600)))),
        WRONG_ISSUER((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .issuer("https://idp.elsewhere.example"))),
        WRONG_AUDIENCE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x")
                .audience("https://other-api.example"))),
        NO_AUDIENCE((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "staff-x").remove("aud")));

        private final BiFunction<UUID, String, String> token;

        UnacceptedToken(BiFunction<UUID, String, String> token) {
            this.token = token;
        }

        @Override
        public String token(UUID clinicId, String role) {
            return token.apply(clinicId, role);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UnacceptedToken.class)
    void shouldAnswer401WithABearerChallengeToEveryOperation(UnacceptedToken token) {
        RefusedCredential.assertRefusedAtEveryOperation(token);
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
