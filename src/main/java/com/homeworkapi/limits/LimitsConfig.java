package com.homeworkapi.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much one caller and one clinic may ask of an instance, and how long each kind of request may run. */
@ConfigMapping(prefix = "homework.limits")
public interface LimitsConfig {

    RateLimits rate();

    HeavyReads heavyReads();

    StatementTimeouts statementTimeout();

    interface RateLimits {

        /** Switched off, no request is counted (a deployment that limits at its gateway). */
        boolean enabled();

        /** One token's subject within its clinic. */
        Quota caller();

        /** All callers of one clinic together. */
        Quota clinic();
    }

    /**
     * A token bucket: it holds at most {@code requests} tokens and refills them all, evenly,
     * over {@code window}; each request takes one. So a caller may send a burst of
     * {@code requests} at once, and {@code requests} per {@code window} for as long as it likes.
     */
    interface Quota {

        long requests();

        Duration window();
    }

    interface HeavyReads {

        /** Clinic reports (JSON, CSV) and at-risk lists that may run at once for one clinic. */
        int perClinic();

        /** How long one more waits for its turn before it is answered 503. */
        Duration maxWait();
    }

    /** Set per connection as a request takes one from the pool; 0 means none. */
    interface StatementTimeouts {

        /** GET requests other than heavy reads. */
        Duration read();

        /** POST and PUT. */
        Duration write();

        /** Clinic reports and at-risk lists. */
        Duration heavyRead();

        /** Work outside any request: migrations at start, score refresh, cleanup. */
        @WithDefault("0s")
        Duration background();
    }
}
