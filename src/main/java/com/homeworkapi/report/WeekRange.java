package com.homeworkapi.report;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Dates;
import com.homeworkapi.scoring.IsoWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The weeks a caller asked for with {@code from} and {@code to} (ISO dates, both optional, inclusive). */
record WeekRange(LocalDate from, LocalDate to) {

    /** Long enough for two years of weekly figures; longer ranges belong to bulk export. */
    static final int MAX_WEEKS = 106;

    static WeekRange parse(String from, String to, LocalDate defaultFrom, LocalDate defaultTo) {
        LocalDate start = from == null || from.isBlank() ? defaultFrom : date("from", from);
        LocalDate end = to == null || to.isBlank() ? defaultTo : date("to", to);
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (IsoWeek.containing(start).weeksUntil(IsoWeek.containing(end)) >= MAX_WEEKS) {
            throw ApiProblem.invalid("from", "the range may cover at most " + MAX_WEEKS + " weeks");
        }
        return new WeekRange(start, end);
    }

    boolean overlaps(IsoWeek week) {
        return !week.sunday().isBefore(from) && !week.monday().isAfter(to);
    }

    private static LocalDate date(String field, String value) {
        try {
            return Dates.require(field, LocalDate.parse(value));
        } catch (DateTimeParseException unreadable) {
            throw ApiProblem.invalid(field, "must be an ISO date such as 2026-03-02");
        }
    }
}
