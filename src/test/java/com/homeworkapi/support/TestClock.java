package com.homeworkapi.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the service reads in tests: the real time unless a test pins it, so that a
 * history built relative to "now" means the same whichever week the suite runs in. A test
 * that pins the clock releases it when it ends ({@link #release()}, or try-with-resources on
 * {@link #pinnedAt(Instant)}). Tokens are still checked against the real time.
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock();

    private volatile Instant pinned;

    private TestClock() {
    }

    /** Stops the service's clock at {@code instant} until {@link #release()}. */
    public static void pin(Instant instant) {
        INSTANCE.pinned = instant;
    }

    /** Pins the clock for a block: {@code try (var pinned = TestClock.pinnedAt(...)) { ... }}. */
    public static Pinned pinnedAt(Instant instant) {
        pin(instant);
        return TestClock::release;
    }

    /** A pinned clock that a try-with-resources block releases, without a checked exception. */
    public interface Pinned extends AutoCloseable {

        @Override
        void close();
    }

    /** The service reads the real time again. */
    public static void release() {
        INSTANCE.pinned = null;
    }

    /** What the service takes to be now. */
    public static Instant now() {
        return INSTANCE.instant();
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Services read instants and convert with the client's zone; a zoned view is never asked for.
        throw new UnsupportedOperationException("the test clock is UTC only");
    }

    /** Replaces the service's system clock in every @QuarkusTest. */
    @ApplicationScoped
    static class Producer {

        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        Clock clock() {
            return INSTANCE;
        }
    }
}
