package com.homeworkapi.measurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A symptom score as staff record it; its range depends on the instrument, so the service checks
 * it. A PHQ-9 or GAD-7 may come with its item answers instead of (or as well as) its total.
 */
public record MeasurementRequest(
        @NotBlank @Size(max = 32) String instrument,
        Double score,
        @NotNull LocalDate measuredOn,
        @Size(max = 1000) String note,
        List<Integer> itemAnswers) {
}
