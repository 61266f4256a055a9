package com.homeworkapi.security;

import com.homeworkapi.common.ApiProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a verified token must also be to count as a credential, beyond what SmallRye JWT checks
 * (signature, issuer, audience, expiry and lifetime). A token that fails is refused like any
 * other bad credential, 401, before its roles are looked at.
 *
 * <p>Its {@code iat} must be there and not lie further ahead of our clock than the clock skew.
 * SmallRye only bounds {@code exp - iat} by JWT_MAX_TTL, so a token "issued" a year ahead with
 * an hour to live would otherwise be good for a year.
 *
 * <p>Its roles must not mix {@code client} with a staff role: the client role narrows a token
 * to one client, while a staff role opens the staff-only operations (the whole clinic's
 * reports, say), which never ask which client the caller is.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    @Inject
    TokenConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            // Tokens are judged by the real time, as their expiry is, never by a clock tests pin.
            ApiProblem fault = fault(token, Instant.now());
            if (fault != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(fault));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private ApiProblem fault(JsonWebToken token, Instant now) {
        if (!(token.getClaim(Claims.iat.name()) instanceof Number issuedAt)) {
            return ApiProblem.unauthorized("The token carries no iat claim.");
        }
        // Compared as epoch seconds: an iat past the years an Instant holds is refused, not a 500.
        if (issuedAt.longValue() > now.plus(config.allowedClockSkew()).getEpochSecond()) {
            return ApiProblem.unauthorized("The token's iat lies in the future; check the identity provider's clock.");
        }
        if (Roles.mixesClientAndStaff(token.getGroups())) {
            return ApiProblem.unauthorized("A token may not carry the client role together with a staff role.");
        }
        return null;
    }
}
