package com.homeworkapi.webhook;

/** How many messages were queued again. */
public record WebhookResendResponse(int resent) {
}
