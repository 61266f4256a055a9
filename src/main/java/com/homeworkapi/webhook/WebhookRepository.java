package com.homeworkapi.webhook;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Endpoints through Panache; their messages and attempts, which the dispatchers write in plain
 * JDBC ({@link WebhookOutbox}), read and requeued here in SQL. Every query takes the clinic.
 */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    public Optional<WebhookEndpoint> findInClinic(UUID clinicId, UUID id) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", id))
                .firstResultOptional();
    }

    public List<WebhookEndpoint> listForClinic(UUID clinicId, PageRequest page) {
        return find("clinicId = :clinic" + page.keysetCondition("createdAt") + " order by createdAt, id",
                page.bind(Parameters.with("clinic", clinicId))).range(0, page.limit()).list();
    }

    /** A page of the endpoint's messages (of one status when given), oldest first: up to limit + 1 rows. */
    public List<WebhookMessageResponse> messages(UUID clinicId, UUID endpointId, String status, PageRequest page) {
        Query query = getEntityManager().createNativeQuery("""
                select m.id, m.endpoint_id, m.event_id, m.event_type, m.client_id, m.client_sequence, m.status,
                       m.attempt_count, m.next_attempt_at, m.last_attempt_at, m.delivered_at, m.created_at
                from webhook_message m
                where m.clinic_id = :clinic and m.endpoint_id = :endpoint
                """ + (status == null ? "" : " and m.status = :status")
                + (page.after() == null ? "" : " and (m.created_at, m.id) > (:afterPosition, :afterId)")
                + " order by m.created_at, m.id limit :limit");
        query.setParameter("clinic", clinicId).setParameter("endpoint", endpointId)
                .setParameter("limit", page.limit() + 1);
        if (status != null) {
            query.setParameter("status", status);
        }
        bindAfter(query, page);
        List<WebhookMessageResponse> messages = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            boolean pending = "pending".equals(c[6]);
            messages.add(new WebhookMessageResponse((UUID) c[0], (UUID) c[1], (UUID) c[2], (String) c[3], (UUID) c[4],
                    ((Number) c[5]).longValue(), (String) c[6], ((Number) c[7]).intValue(),
                    pending ? instant(c[8]) : null, instant(c[9]), instant(c[10]), instant(c[11])));
        }
        return messages;
    }

    /** The endpoint a message of the clinic belongs to. */
    public Optional<UUID> endpointOfMessage(UUID clinicId, UUID messageId) {
        List<?> rows = getEntityManager().createNativeQuery(
                "select endpoint_id from webhook_message where clinic_id = :clinic and id = :id")
                .setParameter("clinic", clinicId).setParameter("id", messageId).getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    /** A page of a message's attempts, oldest first: up to limit + 1 rows. */
    public List<WebhookAttemptResponse> attempts(UUID clinicId, UUID messageId, PageRequest page) {
        Query query = getEntityManager().createNativeQuery("""
                select id, message_id, attempted_at, status_code, latency_ms, response_body, error, outcome
                from webhook_attempt where clinic_id = :clinic and message_id = :message
                """ + (page.after() == null ? "" : " and (attempted_at, id) > (:afterPosition, :afterId)")
                + " order by attempted_at, id limit :limit");
        query.setParameter("clinic", clinicId).setParameter("message", messageId)
                .setParameter("limit", page.limit() + 1);
        bindAfter(query, page);
        List<WebhookAttemptResponse> attempts = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            attempts.add(new WebhookAttemptResponse((UUID) c[0], (UUID) c[1], instant(c[2]),
                    c[3] == null ? null : ((Number) c[3]).intValue(), ((Number) c[4]).longValue(), (String) c[5],
                    (String) c[6], (String) c[7]));
        }
        return attempts;
    }

    /**
     * Queues messages of the endpoint again, due now and retried afresh for WEBHOOK_RETRY_FOR: one
     * (when messageId is given) or every one created since the time. A dispatcher delivering one of
     * them right now loses its claim, so the resend is not swallowed by its result.
     */
    public int resend(UUID clinicId, UUID endpointId, UUID messageId, Instant since) {
        return getEntityManager().createNativeQuery("""
                update webhook_message set status = 'pending', next_attempt_at = now(), retry_from = now(),
                    lease_until = null, lease_token = null
                where clinic_id = :clinic and endpoint_id = :endpoint
                """ + (messageId != null ? " and id = :message" : " and created_at >= :since"))
                .setParameter("clinic", clinicId).setParameter("endpoint", endpointId)
                .setParameter(messageId != null ? "message" : "since", messageId != null ? messageId : since)
                .executeUpdate();
    }

    private static void bindAfter(Query query, PageRequest page) {
        if (page.after() != null) {
            query.setParameter("afterPosition", page.after().position(Instant::parse))
                    .setParameter("afterId", page.after().id());
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
