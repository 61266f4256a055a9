package com.homeworkapi.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Sends one message again ({@code messageId}), or every message of the endpoint since a time ({@code since}). */
public record WebhookResendRequest(UUID messageId, OffsetDateTime since) {
}
