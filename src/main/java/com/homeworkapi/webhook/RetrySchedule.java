package com.homeworkapi.webhook;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base * 2^(n-1)} after the n-th failure, at most
 * {@code maxDelay}, each delay drawn within 20 % either side (jitter, so that the messages of an
 * endpoint that was down do not all return at once), and never sooner than a {@code Retry-After}
 * the receiver sent. The outbox stops retrying once the message has been tried for
 * {@code WEBHOOK_RETRY_FOR}, with a last attempt at that moment.
 */
final class RetrySchedule {

    private RetrySchedule() {
    }

    /** Whether an answer (or its absence) is worth trying again: no answer, 408, 429 and 5xx. */
    static boolean retryable(Integer statusCode) {
        return statusCode == null || statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }

    /** The delay after the given number of failed attempts; {@code random} in [0, 1). */
    static Duration delay(int failedAttempts, Duration base, Duration maxDelay, Optional<Duration> retryAfter,
            double random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        double exponential = Math.min(maxDelay.toMillis(), base.toMillis() * Math.pow(2, doublings));
        long jittered = Math.round(exponential * (0.8 + 0.4 * random));
        Duration delay = Duration.ofMillis(Math.max(jittered, 1));
        return retryAfter.filter(asked -> asked.compareTo(delay) > 0).orElse(delay);
    }

    /** A {@code Retry-After} value: seconds, or an HTTP date (as a delay from now). */
    static Optional<Duration> retryAfter(Optional<String> header, long nowEpochMillis) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 7 * 86_400)));
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Optional.of(Duration.ofMillis(Math.max(0, Math.min(at - nowEpochMillis, 7 * 86_400_000L))));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
