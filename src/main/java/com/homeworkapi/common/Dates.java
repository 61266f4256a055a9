package com.homeworkapi.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The calendar this service accepts: years 1900 to 2999. Therapy homework has no use for
 * other dates, and PostgreSQL would reject some of them or read year 0 back as year 1.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Dates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static LocalDate require(String field, LocalDate date) {
        if (!inRange(date)) {
            throw outOfRange(field);
        }
        return date;
    }

    public static ApiProblem outOfRange(String field) {
        return ApiProblem.invalid(field, "must lie between " + EARLIEST + " and " + LATEST);
    }

    /** An optional RFC 3339 instant from a query parameter: null when absent, 400 naming the field when unreadable. */
    public static Instant parseInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (!inRange(instant)) {
                throw outOfRange(field);
            }
            return instant;
        } catch (DateTimeParseException unreadable) {
            throw ApiProblem.invalid(field, "must be an RFC 3339 date-time with offset, such as 2026-03-01T00:00:00Z");
        }
    }
}
