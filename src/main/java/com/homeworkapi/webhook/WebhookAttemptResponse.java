package com.homeworkapi.webhook;

import java.time.Instant;
import java.util.UUID;

/** One delivery attempt: when, what came back (at most 1 KiB of it) and how long it took. */
public record WebhookAttemptResponse(
        UUID id,
        UUID messageId,
        Instant attemptedAt,
        Integer statusCode,
        long latencyMs,
        String responseBody,
        String error,
        String outcome) {
}
