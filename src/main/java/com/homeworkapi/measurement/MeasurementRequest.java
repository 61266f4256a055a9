package com.homeworkapi.measurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A symptom score as staff record it; its range depends on the instrument, so the service checks it. */
public record MeasurementRequest(
        @NotBlank @Size(max = 32) String instrument,
        @NotNull Double score,
        @NotNull LocalDate measuredOn,
        @Size(max = 1000) String note) {
}
