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
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the token checks: how far a valid token may go, and which detail a refused one
 * is told. That every operation refuses each fault is shown by AuthenticationTest and
 * CallerClaimsTest. The test profile allows the default clock skew of 60 seconds.
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

    /** The client's own data and a staff operation alike: the token is no credential at all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinician", "integration", "admin"})
    void shouldRefuseATokenThatIsAClientsAndStaffAtOnce(String staffRole) {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String token = Tokens.sign(Tokens.claims(clinic.id, "client", "client-" + clientId)
                .groups(new LinkedHashSet<>(List.of("client", staffRole))).claim("client_id", clientId.toString()));
        String detail = "A token may not carry the client role together with a staff role.";

        assertUnauthorized(anyResponse(token).get("/v1/clients/{id}", clientId), detail);
        assertUnauthorized(anyResponse(token).get("/v1/clients"), detail);
        assertUnauthorized(anyResponse(token).body(Map.of("timeZone", "Europe/Berlin")).post("/v1/clients"), detail);
    }

    /** Identity providers add groups of their own; only the roles of this API count. */
    @Test
    void shouldAcceptAClientTokenWithAGroupThisServiceDoesNotKnow() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        String token = Tokens.sign(Tokens.claims(clinic.id, "client", "client-" + clientId)
                .groups(new LinkedHashSet<>(List.of("client", "offline_access")))
                .claim("client_id", clientId.toString()));

        TestClinic.as(token).get("/v1/clients/{id}", clientId).then().statusCode(200);
        assertProblem(anyResponse(token).get("/v1/clients"), 403);
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
