package com.homeworkapi.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint. {@code eventId} is what the receiver gets as
 * {@code webhook-id} (and as the payload's {@code id}) on every attempt.
 */
public record WebhookMessageResponse(
        UUID id,
        UUID webhookId,
        UUID eventId,
        String eventType,
        UUID clientId,
        long sequence,
        String status,
        int attemptCount,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {
}
