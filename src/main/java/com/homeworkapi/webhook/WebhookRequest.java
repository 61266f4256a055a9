package com.homeworkapi.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a caller sends to create an endpoint or replace its fields; the secret is the server's. */
public record WebhookRequest(
        @NotBlank @Size(max = 2048) String url,
        @NotNull @Size(min = 1, max = 20) List<@NotNull WebhookEventType> eventTypes,
        @Size(max = 500) String description,
        Boolean enabled) {
}
