package com.homeworkapi.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;

/** When the client is expected to practise; scoring.md says how each type counts per week. */
@Embeddable
public record Schedule(
        @Enumerated(EnumType.STRING) @Column(name = "schedule_type", nullable = false) ScheduleType type,
        @Column(name = "times_per_week") Integer timesPerWeek,
        @Convert(converter = WeekdaysConverter.class) @Column(name = "days_of_week") List<Weekday> daysOfWeek,
        @Column(name = "due_date") LocalDate dueDate,
        @Column(name = "start_date", nullable = false) LocalDate startDate,
        @Column(name = "end_date") LocalDate endDate) {
}
