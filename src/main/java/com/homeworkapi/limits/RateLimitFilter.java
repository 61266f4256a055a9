package com.homeworkapi.limits;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every authenticated request to its caller's and its clinic's rate ({@link RateLimiter});
 * over it, the answer is 429 with Retry-After and the RateLimit / RateLimit-Policy fields of
 * draft-ietf-httpapi-ratelimit-headers-11. Runs once the caller is known and allowed, before
 * any filter that touches the database, so a refused request costs no connection.
 */
public class RateLimitFilter {

    static final int PRIORITY = Priorities.AUTHORIZATION + 100;

    @Inject
    RateLimiter limiter;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = PRIORITY)
    public void takeToken() {
        if (identity.isAnonymous()) {
            return;
        }
        String subject = caller.subject() != null ? caller.subject() : identity.getPrincipal().getName();
        limiter.take(caller.clinicId(), subject).ifPresent(refusal -> {
            String who = RateLimiter.CLINIC.equals(refusal.limit()) ? "Your clinic sent more requests than its"
                    : "You sent more requests than your";
            throw ApiProblem.tooManyRequests(who + " rate limit allows; retry after the time in Retry-After.",
                    refusal.retryAfterSeconds(),
                    Map.of("RateLimit-Policy", refusal.policyField(), "RateLimit", refusal.rateLimitField()));
        });
    }
}
