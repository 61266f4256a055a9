package com.homeworkapi.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook settings (application.properties, from WEBHOOK_* variables; the README's table). */
@ConfigMapping(prefix = "homework.webhooks")
public interface WebhookConfig {

    /**
     * Development and tests only: allows {@code http} URLs and loopback addresses. Private,
     * link-local and metadata addresses stay refused even then.
     */
    @WithDefault("false")
    boolean allowInsecure();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The longest a delivery may take, connecting, sending and reading the answer. */
    @WithDefault("15s")
    Duration timeout();

    /** The delay before the first retry; each further retry waits twice as long, up to {@link #retryMaxDelay()}. */
    @WithDefault("10s")
    Duration retryBase();

    @WithDefault("6h")
    Duration retryMaxDelay();

    /** How long a message is retried (from its first attempt or its resend) before it is marked failed. */
    @WithDefault("72h")
    Duration retryFor();

    /** An endpoint whose attempts failed without a success for this long is disabled. */
    @WithDefault("120h")
    Duration disableAfter();

    /** How long a dispatcher's claim lasts; another instance takes a message over after it. */
    @WithDefault("60s")
    Duration lease();

    /** How often a dispatcher that is not saturated looks for due messages. */
    @WithDefault("250ms")
    Duration pollEvery();

    /** Deliveries one instance runs at once. */
    @WithDefault("16")
    int concurrency();

    /** Whether this instance runs a dispatcher (tests drive {@link WebhookDispatcher} themselves). */
    @WithDefault("true")
    boolean dispatcherEnabled();
}
