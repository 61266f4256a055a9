package com.homeworkapi.security;

import static com.homeworkapi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Contract;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * The edges of the token checks: how far a valid token may go, and which detail a refused one
 * is told. That every operation refuses each fault is shown by AuthorizationMatrixTest's
 * BadCredential. The test profile allows the default clock skew of 60 seconds.
 */
@QuarkusTest
class TokenChecksTest {

    @Test
    void shouldAcceptATokenMeantForThisServiceAmongOthers() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-aud")
                .audience(new LinkedHashSet<>(List.of("https://other-api.example", Tokens.AUDIENCE))));

        TestClinic.as(token).get("/v1/clients").then().statusCode(200);
    }

    /** An identity provider whose clock runs a little fast still issues usable tokens. */
    @Test
    void shouldAcceptATokenIssuedWithinTheClockSkewAhead() {
        TestClinic clinic = new TestClinic();
        Instant issued = Instant.now().plusSeconds(30);
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-fast-clock")
                .issuedAt(issued).expiresAt(issued.plusSeconds(600)));

        TestClinic.as(token).get("/v1/clients").then().statusCode(200);
    }

    @Test
    void shouldRefuseATokenIssuedFurtherAheadThanTheClockSkew() {
        TestClinic clinic = new TestClinic();
        Instant issued = Instant.now().plusSeconds(120);
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-future")
                .issuedAt(issued).expiresAt(issued.plusSeconds(600)));

        Response refused = anyResponse(token).get("/v1/clients");

        assertUnauthorized(refused, "The token's iat lies in the future; check the identity provider's clock.");
    }

    /** An iat beyond the years a date-time holds is as far in the future as any: 401, never 500. */
    @Test
    void shouldRefuseATokenIssuedBeyondTheLastRepresentableInstant() {
        TestClinic clinic = new TestClinic();
        long farBeyond = 40_000_000_000_000_000L;
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-far-future")
                .issuedAt(farBeyond).expiresAt(farBeyond + 600));

        assertProblem(anyResponse(token).get("/v1/clients"), 401);
    }

    /** SmallRye JWT would accept a token without iat if JWT_MAX_TTL were not checked; ours never does. */
    @Test
    void shouldRefuseATokenWithoutIssuedAt() throws JoseException {
        TestClinic clinic = new TestClinic();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Tokens.ISSUER);
        claims.setAudience(Tokens.AUDIENCE);
        claims.setSubject("staff-no-iat");
        claims.setStringListClaim("groups", "clinician");
        claims.setClaim("clinic_id", clinic.id.toString());
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(Tokens.devKey());

        assertProblem(anyResponse(jws.getCompactSerialization()).get("/v1/clients"), 401);
    }

    private static RequestSpecification anyResponse(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY);
    }

    private static void assertUnauthorized(Response response, String detail) {
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        assertEquals(detail, response.path("detail"));
    }
}
