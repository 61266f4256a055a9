package com.homeworkapi.limits;

/**
 * Tokens refilled evenly over time, at most {@code capacity} kept. Synchronized: one caller's
 * parallel requests share a bucket, and its state is two fields, updated in nanoseconds.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, long refillNanos, long now) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) refillNanos;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one; either way says how many are left. */
    synchronized Take take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Take(true, (long) Math.floor(tokens), 0);
        }
        return new Take(false, 0, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Gives back a token taken for a request another limit then refused. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Full again, so forgetting the bucket changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    /** Nanoseconds until the bucket is full again. */
    synchronized long nanosUntilFull(long now) {
        refill(now);
        return (long) Math.ceil((capacity - tokens) / tokensPerNano);
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
    }

    /** Whether a token was taken, how many whole ones are left, and else how long until one is. */
    record Take(boolean taken, long remaining, long nanosUntilNext) {
    }
}
