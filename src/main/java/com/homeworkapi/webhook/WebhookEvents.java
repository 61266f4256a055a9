package com.homeworkapi.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.measurement.MeasurementSafetyFlagged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Events that no row change carries, emitted from the service into the outbox in the caller's
 * transaction. Most events are written by V17's triggers; this is for the rest, such as the
 * safety flag, which is urgent: dispatchers claim it ahead of everything else, and this instance
 * looks for it as soon as its transaction commits.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookDispatcher dispatcher;

    /** Emits an event (ids, codes and figures only in {@code data}) in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(UUID clinicId, UUID clientId, WebhookEventType type, Map<String, Object> data, boolean urgent) {
        String dataJson;
        try {
            dataJson = json.writeValueAsString(data);
        } catch (JsonProcessingException impossible) {
            throw new IllegalArgumentException("event data must be JSON", impossible);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement emit = connection.prepareStatement(
                    "select webhook_emit(?, ?, cast(? as smallint), array[cast(? as uuid)], array[cast(? as jsonb)])")) {
                emit.setObject(1, clinicId);
                emit.setString(2, type.code());
                emit.setInt(3, urgent ? 1 : 0);
                emit.setObject(4, clientId);
                emit.setString(5, dataJson);
                emit.execute();
            }
        });
    }

    /** {@code measurement.safety_flag}, urgent, in the transaction that stored the measurement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emitUrgent(UUID clinicId, UUID clientId, UUID measurementId) {
        emit(clinicId, clientId, WebhookEventType.MEASUREMENT_SAFETY_FLAG, Map.of("measurementId", measurementId),
                true);
    }

    void onSafetyFlag(@Observes MeasurementSafetyFlagged flagged) {
        emitUrgent(flagged.clinicId(), flagged.clientId(), flagged.measurementId());
    }

    void afterSafetyFlagCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeasurementSafetyFlagged flagged) {
        dispatcher.wake();
    }
}
