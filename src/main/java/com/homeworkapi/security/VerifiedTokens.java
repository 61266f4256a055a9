package com.homeworkapi.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, remembering the tokens it verified: a phone or an EHR sends the same
 * token with every request for as long as it lives, and checking its signature and parsing its
 * JSON again each time was an eighth of the service's CPU per attempt.
 *
 * <p>A remembered token is only what SmallRye answered for the same string, so every check that
 * does not depend on the time holds as it did (signature, issuer, audience, lifetime). The one
 * that does, expiry, is judged again on every use with SmallRye's leeway; {@link TokenChecks}
 * still runs per request. A token is remembered for at most {@link #LONGEST_KEPT}, so that a
 * signing key the identity provider withdraws stops working here within that time. Refused
 * tokens are never remembered: each is refused by SmallRye itself, with its own reason.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration LONGEST_KEPT = Duration.ofMinutes(5);
    /** Far above the tokens one instance sees in five minutes; past it the oldest are dropped. */
    static final int MOST_KEPT = 10_000;

    /** A verified token, usable before this second (epoch seconds, as exp is written). */
    private record Verified(JsonWebToken token, long usableUntil) {

        boolean usableAt(Instant now) {
            return now.getEpochSecond() < usableUntil;
        }
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser smallRye;

    @Inject
    TokenConfig config;

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        return parse(bearerToken, Instant.now());
    }

    /** As {@link #parse(String)} at this time, which tests choose. */
    JsonWebToken parse(String bearerToken, Instant now) throws ParseException {
        Verified known = verified.get(bearerToken);
        if (known != null && known.usableAt(now)) {
            return known.token();
        }
        JsonWebToken token = smallRye.parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, Instant now) {
        // In seconds, as exp is: an exp past the years an Instant holds must not fail here.
        long skew = config.allowedClockSkew().toSeconds();
        long expiresWithLeeway = Math.min(token.getExpirationTime(), Long.MAX_VALUE - skew) + skew;
        long usableUntil = Math.min(expiresWithLeeway, now.plus(LONGEST_KEPT).getEpochSecond());
        if (verified.size() >= MOST_KEPT) {
            verified.values().removeIf(entry -> !entry.usableAt(now));
            if (verified.size() >= MOST_KEPT) {
                verified.clear();
            }
        }
        verified.put(bearerToken, new Verified(token, usableUntil));
    }

    boolean remembers(String bearerToken) {
        return verified.containsKey(bearerToken);
    }

    // Everything else is SmallRye's, unremembered: the service calls none of it.

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return smallRye.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return smallRye.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return smallRye.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return smallRye.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return smallRye.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return smallRye.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return smallRye.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return smallRye.parseOnly(bearerToken);
    }
}
