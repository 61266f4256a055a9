package com.homeworkapi.limits;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Limits small enough for a test to reach: a few requests per caller and clinic, one heavy read
 * per clinic, a pool of four connections and short waits. Its classes run together, after the
 * rest of the suite, so the application restarts once for them.
 */
public class TightLimits implements QuarkusTestProfile {

    static final int CALLER_REQUESTS = 5;
    static final int CLINIC_REQUESTS = 30;
    static final int POOL_SIZE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                // Refilled over an hour: no token comes back while a test runs.
                Map.entry("homework.limits.rate.caller.requests", Integer.toString(CALLER_REQUESTS)),
                Map.entry("homework.limits.rate.caller.window", "1h"),
                Map.entry("homework.limits.rate.clinic.requests", Integer.toString(CLINIC_REQUESTS)),
                Map.entry("homework.limits.rate.clinic.window", "1h"),
                Map.entry("homework.limits.heavy-reads.per-clinic", "1"),
                Map.entry("homework.limits.heavy-reads.max-wait", "200ms"),
                Map.entry("homework.limits.statement-timeout.read", "1s"),
                Map.entry("quarkus.datasource.jdbc.max-size", Integer.toString(POOL_SIZE)),
                Map.entry("quarkus.datasource.jdbc.acquisition-timeout", "2s"));
    }
}
