package com.homeworkapi.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * How often an assignment is meant to be done, and between which dates.
 * {@code startDate} and {@code endDate} are inclusive and optional.
 */
public record ScheduleRule(
        Type type,
        int timesPerWeek,
        Set<DayOfWeek> daysOfWeek,
        LocalDate dueDate,
        LocalDate startDate,
        LocalDate endDate) {

    public enum Type { TIMES_PER_WEEK, DAYS_OF_WEEK, DAILY, ONCE }

    public ScheduleRule {
        if (type == null) {
            throw new IllegalArgumentException("schedule type is required");
        }
        daysOfWeek = daysOfWeek == null || daysOfWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOfWeek));
        switch (type) {
            case TIMES_PER_WEEK -> {
                if (timesPerWeek < 1) {
                    throw new IllegalArgumentException("timesPerWeek must be at least 1, was " + timesPerWeek);
                }
            }
            case DAYS_OF_WEEK -> {
                if (daysOfWeek.isEmpty()) {
                    throw new IllegalArgumentException("daysOfWeek schedule needs at least one day");
                }
            }
            case ONCE -> {
                if (dueDate == null) {
                    throw new IllegalArgumentException("a once schedule needs a due date");
                }
            }
            case DAILY -> { }
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
    }

    public static ScheduleRule timesPerWeek(int times) {
        return new ScheduleRule(Type.TIMES_PER_WEEK, times, Set.of(), null, null, null);
    }

    public static ScheduleRule daysOfWeek(Set<DayOfWeek> days) {
        return new ScheduleRule(Type.DAYS_OF_WEEK, 0, days, null, null, null);
    }

    public static ScheduleRule daily() {
        return new ScheduleRule(Type.DAILY, 0, Set.of(), null, null, null);
    }

    public static ScheduleRule once(LocalDate dueDate) {
        return new ScheduleRule(Type.ONCE, 0, Set.of(), dueDate, null, null);
    }

    public ScheduleRule between(LocalDate start, LocalDate end) {
        return new ScheduleRule(type, timesPerWeek, daysOfWeek, dueDate, start, end);
    }

    /** Whether {@code date} lies within the start and end dates. */
    public boolean covers(LocalDate date) {
        return (startDate == null || !date.isBefore(startDate)) && (endDate == null || !date.isAfter(endDate));
    }
}
