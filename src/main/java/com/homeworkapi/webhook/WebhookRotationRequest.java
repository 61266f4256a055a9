package com.homeworkapi.webhook;

/**
 * A secret rotation takes no input: no body, or an empty object (which some clients always send);
 * any property in it is refused like every unknown property.
 */
public record WebhookRotationRequest() {
}
