package com.homeworkapi.common;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the writing transaction, right after the measurement's insert)
 * when a stored measurement carries the safety flag: PHQ-9 item 9, thoughts of being better off
 * dead or of self-harm, answered above 0. Observers that must act only once the measurement is
 * committed observe it with {@code during = TransactionPhase.AFTER_SUCCESS}; one that writes in the
 * same transaction (an outbox row for {@code measurement.safety_flag}) observes it plainly, so the
 * row commits or rolls back with the measurement. It carries ids only, never an answer or a note.
 */
public record MeasurementSafetyFlagged(UUID clinicId, UUID clientId, UUID measurementId) {
}
