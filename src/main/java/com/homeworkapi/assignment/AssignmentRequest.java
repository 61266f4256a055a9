package com.homeworkapi.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a caller sends to create an assignment or to revise it. {@code effectiveDate} only
 * applies to a revision: the day, in the client's time zone, from which the new terms count.
 */
public record AssignmentRequest(
        @Size(max = 20) List<@NotNull UUID> goalIds,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String instructions,
        @NotNull AssignmentKind kind,
        @Min(0) @Max(100) Integer difficulty,
        @NotNull @Valid ScheduleRequest schedule,
        AssignmentStatus status,
        LocalDate effectiveDate) {

    public record ScheduleRequest(
            @NotNull ScheduleType type,
            @Min(1) @Max(50) Integer timesPerWeek,
            @Size(min = 1, max = 7) List<@NotNull Weekday> daysOfWeek,
            LocalDate dueDate,
            LocalDate startDate,
            LocalDate endDate) {
    }

    public List<UUID> goalIdsOrEmpty() {
        return goalIds == null ? List.of() : goalIds;
    }
}
