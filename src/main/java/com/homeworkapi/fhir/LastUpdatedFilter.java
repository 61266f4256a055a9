package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR's {@code _lastUpdated}: when the server last changed the resource ({@code meta.lastUpdated}).
 * A value is a day ({@code 2026-01-05}, a UTC day: the instant is the server's, not the client's)
 * or a date-time with its zone ({@code 2026-01-05T10:00:00Z}, to the second or millisecond), with
 * the prefixes of {@code date}: {@code eq} (within the value's precision), {@code ge}, {@code gt},
 * {@code le}, {@code lt}. Repeated, the conditions are ANDed. Other prefixes and forms are 400.
 *
 * @param from   first instant included, or null
 * @param before first instant no longer included, or null
 */
record LastUpdatedFilter(Instant from, Instant before) {

    static final String NAME = "_lastUpdated";
    private static final Pattern VALUE = Pattern.compile(
            "(eq|ge|gt|le|lt)?(\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(?:Z|[+-]\\d{2}:\\d{2}))?)");

    static LastUpdatedFilter parse(List<String> values) {
        PrefixedRange<Instant> range = PrefixedRange.unbounded();
        for (String value : values) {
            Matcher matcher = VALUE.matcher(value);
            if (!matcher.matches()) {
                throw invalid();
            }
            String text = matcher.group(2);
            Instant start;
            Instant end;
            try {
                if (text.length() == 10) {
                    start = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                    end = start.plus(1, ChronoUnit.DAYS);
                } else {
                    start = OffsetDateTime.parse(text).toInstant();
                    end = start.plus(1, matcher.group(3) == null ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
                }
            } catch (DateTimeParseException notAnInstant) {
                throw invalid();
            }
            if (!Dates.inRange(start)) {
                throw Dates.outOfRange(NAME);
            }
            range = range.and(matcher.group(1), start, end);
        }
        return new LastUpdatedFilter(range.from(), range.before());
    }

    /** Whether no instant can match: the search then answers an empty page. */
    boolean empty() {
        return new PrefixedRange<>(from, before).empty();
    }

    boolean matches(Instant lastUpdated) {
        return (from == null || !lastUpdated.isBefore(from)) && (before == null || lastUpdated.isBefore(before));
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid(NAME, "must be a day such as 2026-01-05 (UTC) or a date-time with its zone such as"
                + " 2026-01-05T10:00:00Z, optionally after eq, ge, gt, le or lt");
    }
}
