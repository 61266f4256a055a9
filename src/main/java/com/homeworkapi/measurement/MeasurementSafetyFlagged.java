package com.homeworkapi.measurement;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the writing transaction) when a stored measurement carries a
 * safety flag (PHQ-9 item 9 answered above 0). The webhook package turns it into an urgent
 * {@code measurement.safety_flag} event in the same transaction.
 */
public record MeasurementSafetyFlagged(UUID clinicId, UUID clientId, UUID measurementId) {
}
