package com.homeworkapi.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.homeworkapi.webhook.WebhookOutbox.Claimed;
import com.homeworkapi.webhook.WebhookOutbox.Result;
import com.homeworkapi.webhook.WebhookSender.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** One attempt to deliver one claimed message: the guard, the signed request, and what its answer means. */
@ApplicationScoped
class WebhookDelivery {

    @Inject
    WebhookAddresses addresses;

    @Inject
    WebhookConfig config;

    @Inject
    ObjectMapper json;

    Result attempt(Claimed message) {
        URI url;
        try {
            url = addresses.parse(message.url());
        } catch (WebhookAddresses.Refused refused) {
            // A URL the settings no longer allow (http after WEBHOOK_ALLOW_INSECURE was switched off).
            return new Result(null, 0, null, refused.code(), false, false, null, System.nanoTime());
        }
        List<InetAddress> allowed;
        try {
            allowed = addresses.resolveAllowed(url);
        } catch (WebhookAddresses.Refused refused) {
            // DNS may answer otherwise later: retried like a connection that failed.
            return new Result(null, 0, null, refused.code(), false, true, retryDelay(message, Optional.empty()),
                    System.nanoTime());
        }
        byte[] body = payload(message);
        String id = message.eventId().toString();
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignatures.header(message.secrets(), id, timestamp, body));
        // Connect to the address just checked, never to a second answer of the DNS.
        Answer answer = WebhookSender.post(url, allowed.get(0), headers, body, config.connectTimeout(),
                config.timeout());
        boolean delivered = answer.statusCode() != null && answer.statusCode() >= 200 && answer.statusCode() < 300;
        boolean retryable = !delivered && RetrySchedule.retryable(answer.statusCode());
        Duration delay = retryable
                ? retryDelay(message, RetrySchedule.retryAfter(answer.retryAfter(), System.currentTimeMillis()))
                : null;
        return new Result(answer.statusCode(), answer.latencyMillis(), answer.body(), answer.error(), delivered,
                retryable, delay, System.nanoTime());
    }

    private Duration retryDelay(Claimed message, Optional<Duration> retryAfter) {
        return RetrySchedule.delay(message.attemptCount() + 1, config.retryBase(), config.retryMaxDelay(), retryAfter,
                ThreadLocalRandom.current().nextDouble());
    }

    /**
     * {@code {id, type, timestamp, clinicId, data}}, with the client and its sequence number first
     * in {@code data}; the same bytes on every attempt.
     */
    byte[] payload(Claimed message) {
        try {
            ObjectNode data = json.createObjectNode();
            data.put("clientId", message.clientId().toString());
            data.put("sequence", message.sequence());
            data.setAll((ObjectNode) json.readTree(message.data()));
            ObjectNode event = json.createObjectNode();
            event.put("id", message.eventId().toString());
            event.put("type", message.type());
            event.put("timestamp", message.occurredAt().toString());
            event.put("clinicId", message.clinicId().toString());
            event.set("data", data);
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("stored event data is not JSON", impossible);
        }
    }
}
