package com.homeworkapi.security;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/**
 * The token settings of the README, read from their environment variables; SmallRye JWT reads
 * them on from here (see application.properties). They are checked as the service starts,
 * before SmallRye JWT reads them, so that a missing or wrong value stops the start naming its
 * variable: SmallRye would name its own key instead, or for JWT_MAX_TTL answer every request
 * 500. Numbers are read as text for the same reason: "60s" gets the message below, not a
 * conversion error about an internal key.
 */
@ConfigMapping(prefix = "homework.jwt")
public interface TokenConfig {

    /** {@code JWT_ISSUER}: the expected {@code iss}; production has no default. */
    String issuer();

    /** {@code JWT_PUBLIC_KEY_LOCATION}: the identity provider's keys; production has no default. */
    String publicKeyLocation();

    /** {@code JWT_AUDIENCE}: when set, a token's {@code aud} must contain it. */
    Optional<String> audience();

    /** {@code JWT_MAX_TTL}: the longest lifetime ({@code exp - iat}) a token may have, in seconds. */
    @Pattern(regexp = "[1-9][0-9]{0,8}", message = "JWT_MAX_TTL must be a whole number of seconds, at least 1")
    String maxTtl();

    /**
     * {@code JWT_CLOCK_SKEW}: how far clocks may disagree, in seconds: a token's {@code exp} is
     * judged with this much leeway, and its {@code iat} may lie this far ahead of ours.
     */
    @Pattern(regexp = "[0-9]{1,2}|[12][0-9]{2}|300",
            message = "JWT_CLOCK_SKEW must be a whole number of seconds from 0 to 300")
    String clockSkew();

    default Duration allowedClockSkew() {
        return Duration.ofSeconds(Long.parseLong(clockSkew()));
    }
}
