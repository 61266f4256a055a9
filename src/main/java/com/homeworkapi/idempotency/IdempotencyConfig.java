package com.homeworkapi.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "homework.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its stored response are kept; the draft asks for at least 24 hours. */
    Duration retention();

    /**
     * How long a request may hold its key before a retry may take it over, for an instance that
     * died mid-request. Far longer than any write takes.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often expired keys are deleted (read by the scheduler from the same property). */
    String cleanupEvery();

    /** Rows deleted per transaction by the cleanup. */
    @WithDefault("1000")
    int cleanupBatch();
}
