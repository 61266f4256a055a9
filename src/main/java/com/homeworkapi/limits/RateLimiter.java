package com.homeworkapi.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller (a token's subject within its clinic) and per clinic, kept in this
 * instance's memory: each instance limits what it is sent (README, "Limits"). A request takes a
 * token from its caller's bucket and then from its clinic's; refused by the clinic's, it gives
 * the caller's back. Buckets that have filled up again are forgotten, so memory follows the
 * callers of the last window, not every caller ever seen.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    static final String CALLER = "caller";
    static final String CLINIC = "clinic";

    /** Above this many buckets, full ones are swept out, at most once a second. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final boolean enabled;
    private final LimitsConfig.Quota callerQuota;
    private final LimitsConfig.Quota clinicQuota;
    private final Map<CallerKey, TokenBucket> callers = new ConcurrentHashMap<>();
    private final Map<UUID, TokenBucket> clinics = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();
    private final Counter callersLimited;
    private final Counter clinicsLimited;
    private final String policyField;
    private final LongSupplier nanoClock = System::nanoTime;

    RateLimiter(LimitsConfig config, MeterRegistry metrics) {
        this.enabled = config.rate().enabled();
        this.callerQuota = config.rate().caller();
        this.clinicQuota = config.rate().clinic();
        // Registered now, at zero, so a dashboard sees the series before the first refusal.
        this.callersLimited = limitedCounter(metrics, CALLER);
        this.clinicsLimited = limitedCounter(metrics, CLINIC);
        this.policyField = policy(CALLER, callerQuota) + ", " + policy(CLINIC, clinicQuota);
    }

    /** Empty when the request may run; else the refusal, naming the limit it is over. */
    public Optional<Refusal> take(UUID clinicId, String subject) {
        if (!enabled) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        sweepIfCrowded(now);
        TokenBucket caller = callers.computeIfAbsent(new CallerKey(clinicId, subject), key -> bucket(callerQuota, now));
        TokenBucket.Take callerTake = caller.take(now);
        if (!callerTake.taken()) {
            callersLimited.increment();
            return Optional.of(refusal(CALLER, callerTake));
        }
        TokenBucket.Take clinicTake = clinics.computeIfAbsent(clinicId, key -> bucket(clinicQuota, now)).take(now);
        if (!clinicTake.taken()) {
            caller.giveBack();
            clinicsLimited.increment();
            return Optional.of(refusal(CLINIC, clinicTake));
        }
        return Optional.empty();
    }

    /**
     * A refused request: the limit over which it is, seconds until one request is let through,
     * and the draft's RateLimit-Policy and RateLimit field values.
     */
    public record Refusal(String limit, long retryAfterSeconds, String policyField, String rateLimitField) {
    }

    private Refusal refusal(String limit, TokenBucket.Take take) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(take.nanosUntilNext() + 999_999_999L));
        return new Refusal(limit, seconds, policyField, "\"" + limit + "\";r=0;t=" + seconds);
    }

    private static TokenBucket bucket(LimitsConfig.Quota quota, long now) {
        return new TokenBucket(quota.requests(), quota.window().toNanos(), now);
    }

    /** The draft's policy item: the quota {@code q} of requests per window {@code w} in seconds. */
    private static String policy(String name, LimitsConfig.Quota quota) {
        return "\"" + name + "\";q=" + quota.requests() + ";w=" + Math.max(1, quota.window().toSeconds());
    }

    private static Counter limitedCounter(MeterRegistry metrics, String limit) {
        return Counter.builder("homework.rate.limited.requests")
                .description("Requests refused with 429 because a rate limit was reached")
                .tag("limit", limit)
                .register(metrics);
    }

    private void sweepIfCrowded(long now) {
        if (callers.size() + clinics.size() <= SWEEP_ABOVE) {
            return;
        }
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        callers.values().removeIf(bucket -> bucket.isFull(now));
        clinics.values().removeIf(bucket -> bucket.isFull(now));
    }

    private record CallerKey(UUID clinicId, String subject) {
    }
}
