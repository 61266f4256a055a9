package com.homeworkapi.measurement;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the writing transaction, right after the measurement's insert)
 * when a stored measurement carries the safety flag: PHQ-9 item 9, thoughts of being better off
 * dead or of self-harm, answered above 0. The webhook package observes it plainly and writes an
 * urgent {@code measurement.safety_flag} event, which commits or rolls back with the measurement;
 * observers that must act only after the commit observe it {@code during = AFTER_SUCCESS}. It
 * carries ids only, never an answer or a note.
 */
public record MeasurementSafetyFlagged(UUID clinicId, UUID clientId, UUID measurementId) {
}
