package com.homeworkapi.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as the clinic sees it. {@code secret} is present only in the answer that made it
 * (creation or rotation): it is never shown again.
 */
public record WebhookResponse(
        UUID id,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant failingSince,
        Instant previousSecretExpiresAt,
        String secret,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookResponse from(WebhookEndpoint endpoint, Instant now) {
        return withSecret(endpoint, now, null);
    }

    static WebhookResponse withSecret(WebhookEndpoint endpoint, Instant now, String secret) {
        Instant previousUntil = endpoint.previousSecretUntil != null && endpoint.previousSecretUntil.isAfter(now)
                ? endpoint.previousSecretUntil : null;
        return new WebhookResponse(endpoint.id, endpoint.url, List.copyOf(endpoint.eventTypes), endpoint.description,
                endpoint.enabled, endpoint.disabledReason, endpoint.disabledAt, endpoint.failingSince, previousUntil,
                secret, endpoint.createdAt, endpoint.updatedAt);
    }
}
