package com.homeworkapi.occurrence;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Dates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The local dates a caller asked for with {@code from} and {@code to} (ISO dates, both optional, inclusive). */
record DayRange(LocalDate from, LocalDate to) {

    /** Five weeks: enough to set reminders ahead, small enough to answer in one piece without paging. */
    static final int MAX_DAYS = 35;

    /** Days answered when a bound is left out: two weeks. */
    static final int DEFAULT_DAYS = 14;

    /**
     * Both bounds left out: from today for {@value #DEFAULT_DAYS} days. One left out: the
     * {@value #DEFAULT_DAYS} days that start (or end) on the other.
     */
    static DayRange parse(String from, String to, LocalDate today) {
        LocalDate start = isAbsent(from) ? null : date("from", from);
        LocalDate end = isAbsent(to) ? null : date("to", to);
        if (start == null) {
            start = end == null ? today : latest(end.minusDays(DEFAULT_DAYS - 1L), Dates.EARLIEST);
        }
        if (end == null) {
            end = earliest(start.plusDays(DEFAULT_DAYS - 1L), Dates.LATEST);
        }
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            throw ApiProblem.invalid("from", "the range may cover at most " + MAX_DAYS + " days");
        }
        return new DayRange(start, end);
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String field, String value) {
        try {
            return Dates.require(field, LocalDate.parse(value));
        } catch (DateTimeParseException unreadable) {
            throw ApiProblem.invalid(field, "must be an ISO date such as 2026-03-02");
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
