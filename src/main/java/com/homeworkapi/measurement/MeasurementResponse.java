package com.homeworkapi.measurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record MeasurementResponse(
        UUID id,
        UUID clientId,
        String instrument,
        double score,
        LocalDate measuredOn,
        String note,
        Instant recordedAt) {

    static MeasurementResponse from(Measurement measurement) {
        return new MeasurementResponse(measurement.id, measurement.clientId, measurement.instrument,
                measurement.score, measurement.measuredOn, measurement.note, measurement.recordedAt);
    }
}
