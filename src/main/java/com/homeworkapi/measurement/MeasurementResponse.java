package com.homeworkapi.measurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record MeasurementResponse(
        UUID id,
        UUID clientId,
        String instrument,
        double score,
        List<Integer> itemAnswers,
        boolean safetyFlag,
        LocalDate measuredOn,
        String note,
        Instant recordedAt) {

    static MeasurementResponse from(Measurement measurement) {
        List<Integer> items = measurement.itemAnswers == null ? null
                : measurement.itemAnswers.stream().map(Short::intValue).toList();
        return new MeasurementResponse(measurement.id, measurement.clientId, measurement.instrument,
                measurement.score, items, measurement.safetyFlag, measurement.measuredOn, measurement.note,
                measurement.recordedAt);
    }
}
