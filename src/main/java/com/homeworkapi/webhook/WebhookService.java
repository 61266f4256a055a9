package com.homeworkapi.webhook;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ETags;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The clinic's webhook endpoints, their messages and attempts, and resends. */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed");

    @Inject
    WebhookRepository endpoints;

    @Inject
    WebhookAddresses addresses;

    @Inject
    WebhookConfig config;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public Tagged<WebhookResponse> createWebhook(WebhookRequest request) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.clinicId = caller.clinicId();
        endpoint.createdAt = Instants.now(clock);
        endpoint.secret = WebhookSignatures.newSecret();
        apply(request, endpoint);
        endpoints.persist(endpoint);
        endpoints.flush();
        return new Tagged<>(WebhookResponse.withSecret(endpoint, now(), endpoint.secret), endpoint.version);
    }

    public Page<WebhookResponse> listWebhooks(PageRequest page) {
        Instant now = now();
        return Page.of(endpoints.listForClinic(caller.clinicId(), page), page, endpoint -> endpoint.createdAt,
                endpoint -> endpoint.id, endpoint -> WebhookResponse.from(endpoint, now));
    }

    public Tagged<WebhookResponse> getWebhook(UUID id) {
        WebhookEndpoint endpoint = find(id);
        return new Tagged<>(WebhookResponse.from(endpoint, now()), endpoint.version);
    }

    public Tagged<WebhookResponse> updateWebhook(UUID id, String ifMatch, WebhookRequest request) {
        WebhookEndpoint endpoint = find(id);
        ETags.requireMatch(ifMatch, endpoint.version);
        apply(request, endpoint);
        endpoints.flush();
        return new Tagged<>(WebhookResponse.from(endpoint, now()), endpoint.version);
    }

    public void deleteWebhook(UUID id) {
        endpoints.delete(find(id));
    }

    /**
     * A new secret, shown in this answer only. The previous one keeps signing beside it for
     * WEBHOOK_SECRET_OVERLAP, so a receiver can switch without rejecting a message.
     */
    public Tagged<WebhookResponse> rotateWebhookSecret(UUID id) {
        WebhookEndpoint endpoint = find(id);
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretUntil = now().plus(config.secretOverlap());
        endpoint.secret = WebhookSignatures.newSecret();
        endpoint.updatedAt = Instants.now(clock);
        endpoints.flush();
        return new Tagged<>(WebhookResponse.withSecret(endpoint, now(), endpoint.secret), endpoint.version);
    }

    public Page<WebhookMessageResponse> listWebhookMessages(UUID id, String status, PageRequest page) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of pending, delivered, failed");
        }
        WebhookEndpoint endpoint = find(id);
        return Page.of(endpoints.messages(caller.clinicId(), endpoint.id, status, page), page,
                WebhookMessageResponse::createdAt, WebhookMessageResponse::id, message -> message);
    }

    public Page<WebhookAttemptResponse> listWebhookAttempts(UUID messageId, PageRequest page) {
        endpoints.endpointOfMessage(caller.clinicId(), messageId)
                .orElseThrow(() -> ApiProblem.notFound("webhook message"));
        return Page.of(endpoints.attempts(caller.clinicId(), messageId, page), page,
                WebhookAttemptResponse::attemptedAt, WebhookAttemptResponse::id, attempt -> attempt);
    }

    public WebhookResendResponse resendWebhookMessages(UUID id, WebhookResendRequest request) {
        if ((request.messageId() == null) == (request.since() == null)) {
            throw ApiProblem.invalid("body", "name exactly one of messageId and since");
        }
        WebhookEndpoint endpoint = find(id);
        if (request.messageId() != null && !endpoints.endpointOfMessage(caller.clinicId(), request.messageId())
                .map(endpoint.id::equals).orElse(false)) {
            throw ApiProblem.notFound("webhook message");
        }
        Instant since = request.since() == null ? null : request.since().toInstant();
        return new WebhookResendResponse(endpoints.resend(caller.clinicId(), endpoint.id, request.messageId(), since));
    }

    private WebhookEndpoint find(UUID id) {
        return endpoints.findInClinic(caller.clinicId(), id).orElseThrow(() -> ApiProblem.notFound("webhook"));
    }

    private void apply(WebhookRequest request, WebhookEndpoint endpoint) {
        Set<String> types = new LinkedHashSet<>();
        request.eventTypes().forEach(type -> types.add(type.code()));
        endpoint.url = addresses.requireAllowed(request.url()).toString();
        endpoint.eventTypes = List.copyOf(types);
        endpoint.description = request.description();
        boolean enabled = request.enabled() == null || request.enabled();
        if (enabled && !endpoint.enabled) {
            // Enabled again: the clinic has seen why it was disabled, and its failures start afresh.
            endpoint.disabledReason = null;
            endpoint.disabledAt = null;
            endpoint.failingSince = null;
        }
        endpoint.enabled = enabled;
        endpoint.updatedAt = Instants.now(clock);
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
