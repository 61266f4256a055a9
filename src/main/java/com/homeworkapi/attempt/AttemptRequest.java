package com.homeworkapi.attempt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An attempt as the client's app sends it. The app may choose the {@code id} so that a retry
 * after a lost answer stores nothing twice; in a batch it must, as results are matched by it.
 */
public record AttemptRequest(
        @NotNull(groups = InBatch.class) UUID id,
        @NotNull OffsetDateTime occurredAt,
        @NotNull AttemptOutcome outcome,
        @DecimalMin("0.0") @DecimalMax("1.0") Double completion,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Valid Suds suds,
        @Valid Quality quality,
        @Size(max = 7) List<@NotNull Obstacle> obstacles,
        @Size(max = 2000) String note) {

    /** The checks of an attempt sent in a batch, on top of the default ones. */
    public interface InBatch {
    }

    /** Subjective units of distress, 0 to 100, before, at the peak of and after an exposure. */
    public record Suds(
            @Min(0) @Max(100) Integer before,
            @Min(0) @Max(100) Integer peak,
            @Min(0) @Max(100) Integer after) {
    }

    public record Quality(
            @NotNull @Min(0) @Max(4) Integer rating,
            @NotNull Rater rater) {
    }
}
