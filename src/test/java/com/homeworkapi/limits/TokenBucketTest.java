package com.homeworkapi.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void shouldLetABurstOfItsCapacityThroughThenRefuseUntilATokenIsBack() {
        TokenBucket bucket = new TokenBucket(60, MINUTE, 0);
        for (int i = 0; i < 60; i++) {
            assertTrue(bucket.take(0).taken(), "request " + i);
        }

        TokenBucket.Take refused = bucket.take(0);

        assertFalse(refused.taken());
        assertEquals(TimeUnit.SECONDS.toNanos(1), refused.nanosUntilNext(), 1_000);
        assertTrue(bucket.take(TimeUnit.SECONDS.toNanos(1)).taken(), "one token per second comes back");
        assertFalse(bucket.take(TimeUnit.SECONDS.toNanos(1)).taken());
    }

    @Test
    void shouldNeverHoldMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);

        TokenBucket.Take afterAnHour = bucket.take(60 * MINUTE);

        assertEquals(2, afterAnHour.remaining());
        assertFalse(bucket.isFull(60 * MINUTE));
        assertTrue(bucket.isFull(61 * MINUTE));
    }

    @Test
    void shouldTakeBackATokenGivenBack() {
        TokenBucket bucket = new TokenBucket(1, MINUTE, 0);
        bucket.take(0);

        bucket.giveBack();

        assertTrue(bucket.take(0).taken());
    }
}
