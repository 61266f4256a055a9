package com.homeworkapi.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The weeks a caller asked for with {@code from} and {@code to} (ISO dates, both optional, inclusive). */
public record WeekRange(LocalDate from, LocalDate to) {

    /** Long enough for two years of weekly figures; longer ranges belong to bulk export. */
    public static final int MAX_WEEKS = 106;

    public static WeekRange parse(String from, String to, LocalDate defaultFrom, LocalDate defaultTo) {
        LocalDate start = from == null || from.isBlank() ? defaultFrom : date("from", from);
        LocalDate end = to == null || to.isBlank() ? defaultTo : date("to", to);
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.WEEKS.between(monday(start), monday(end)) >= MAX_WEEKS) {
            throw ApiProblem.invalid("from", "the range may cover at most " + MAX_WEEKS + " weeks");
        }
        return new WeekRange(start, end);
    }

    /** Whether the ISO week that starts on {@code weekStart} (a Monday) shares a day with the range. */
    public boolean overlaps(LocalDate weekStart) {
        return !weekStart.plusDays(6).isBefore(from) && !weekStart.isAfter(to);
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate date(String field, String value) {
        try {
            return Dates.require(field, LocalDate.parse(value));
        } catch (DateTimeParseException unreadable) {
            throw ApiProblem.invalid(field, "must be an ISO date such as 2026-03-02");
        }
    }
}
