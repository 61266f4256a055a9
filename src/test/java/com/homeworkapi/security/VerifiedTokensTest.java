package com.homeworkapi.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * A verified token is remembered, never beyond its expiry (with the leeway of 60 seconds the
 * test profile allows) or five minutes, and a refused one never is.
 */
@QuarkusTest
class VerifiedTokensTest {

    private static final long LEEWAY_SECONDS = 60;

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void shouldBeTheParserRequestsAreAuthenticatedWith() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-" + UUID.randomUUID()));
        assertFalse(verifiedTokens.remembers(token));

        TestClinic.as(token).get("/v1/clients").then().statusCode(200);

        assertTrue(verifiedTokens.remembers(token));
    }

    @Test
    void shouldAnswerATokenItVerifiedFromMemory() throws ParseException {
        String token = Tokens.staff(UUID.randomUUID(), "clinician");
        Instant now = Instant.now();

        JsonWebToken first = verifiedTokens.parse(token, now);

        assertSame(first, verifiedTokens.parse(token, now.plusSeconds(60)));
    }

    @Test
    void shouldVerifyAgainOnceTheTokenExpiredWithItsLeeway() throws ParseException {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims(UUID.randomUUID(), "clinician", "staff-short")
                .issuedAt(now).expiresAt(now.plusSeconds(10)));
        JsonWebToken first = verifiedTokens.parse(token, now);

        assertSame(first, verifiedTokens.parse(token, now.plusSeconds(10 + LEEWAY_SECONDS - 1)));
        // SmallRye judges by the real clock, under which the token is still good: a new parse.
        assertNotSame(first, verifiedTokens.parse(token, now.plusSeconds(10 + LEEWAY_SECONDS)));
    }

    @Test
    void shouldVerifyAgainAfterFiveMinutesAtMost() throws ParseException {
        String token = Tokens.staff(UUID.randomUUID(), "clinician");
        Instant now = Instant.now();
        JsonWebToken first = verifiedTokens.parse(token, now);

        assertSame(first, verifiedTokens.parse(token, now.plus(VerifiedTokens.LONGEST_KEPT).minusSeconds(1)));
        assertNotSame(first, verifiedTokens.parse(token, now.plus(VerifiedTokens.LONGEST_KEPT)));
    }

    @Test
    void shouldNeverRememberARefusedToken() {
        String forged = Tokens.signWithForeignKey(Tokens.claims(UUID.randomUUID(), "admin", "forger"));
        String expired = Tokens.sign(Tokens.claims(UUID.randomUUID(), "admin", "staff-expired")
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)));

        for (String refused : new String[] {forged, expired}) {
            assertThrows(ParseException.class, () -> verifiedTokens.parse(refused));
            assertFalse(verifiedTokens.remembers(refused));
        }
    }

    /** Over HTTP: a good token does not make a forged one with the same claims pass, before or after. */
    @Test
    void shouldRefuseAForgedTokenBesideAGoodOneWithTheSameClaims() {
        TestClinic clinic = new TestClinic();
        String good = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-twin"));
        String forged = Tokens.signWithForeignKey(Tokens.claims(clinic.id, "clinician", "staff-twin"));

        TestClinic.as(forged).get("/v1/clients").then().statusCode(401);
        TestClinic.as(good).get("/v1/clients").then().statusCode(200);
        TestClinic.as(forged).get("/v1/clients").then().statusCode(401);
        TestClinic.as(good).get("/v1/clients").then().statusCode(200);
    }
}
