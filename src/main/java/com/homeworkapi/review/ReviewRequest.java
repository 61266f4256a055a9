package com.homeworkapi.review;

import com.homeworkapi.attempt.Obstacle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A clinician's review of a week's homework, as it is sent. */
public record ReviewRequest(
        @NotNull LocalDate weekStart,
        @Size(max = 100) List<@Valid @NotNull Item> assignments,
        @Size(max = 7) List<@NotNull Obstacle> obstacles,
        @Size(max = 2000) String obstaclesNote,
        @Size(max = 4000) String nextWeekChanges) {

    public record Item(
            @NotNull UUID assignmentId,
            @NotNull @Min(0) @Max(4) Integer quality,
            @Size(max = 2000) String note) {
    }

    public List<Item> assignmentsOrEmpty() {
        return assignments == null ? List.of() : assignments;
    }

    public List<Obstacle> obstaclesOrEmpty() {
        return obstacles == null ? List.of() : obstacles;
    }
}
