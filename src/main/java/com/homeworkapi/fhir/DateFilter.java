package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR's {@code date} parameter on calendar days: {@code 2026-01-05} (that day), or with a prefix
 * {@code ge}, {@code gt}, {@code le}, {@code lt}, {@code eq}; repeated, the conditions are ANDed,
 * so {@code date=ge2026-01-01&date=lt2026-02-01} is January. Days are the client's, in its
 * current time zone. Other prefixes and precisions are answered 400.
 *
 * @param from        first day included, or null
 * @param toExclusive first day no longer included, or null
 */
record DateFilter(LocalDate from, LocalDate toExclusive) {

    static final String NAME = "date";
    private static final Pattern VALUE = Pattern.compile("(eq|ge|gt|le|lt)?(\\d{4}-\\d{2}-\\d{2})");

    static DateFilter parse(List<String> values) {
        PrefixedRange<LocalDate> range = PrefixedRange.unbounded();
        for (String value : values) {
            Matcher matcher = VALUE.matcher(value);
            if (!matcher.matches()) {
                throw invalid();
            }
            LocalDate day;
            try {
                day = Dates.require(NAME, LocalDate.parse(matcher.group(2)));
            } catch (DateTimeParseException notADay) {
                throw invalid();
            }
            range = range.and(matcher.group(1), day, day.plusDays(1));
        }
        return new DateFilter(range.from(), range.before());
    }

    /** Whether no day can match: the search then answers an empty page. */
    boolean empty() {
        return new PrefixedRange<>(from, toExclusive).empty();
    }

    Instant fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    Instant toInstant(ZoneId zone) {
        return toExclusive == null ? null : toExclusive.atStartOfDay(zone).toInstant();
    }

    /** The last day included, for ranges of whole days. */
    LocalDate toInclusive() {
        return toExclusive == null ? null : toExclusive.minusDays(1);
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid(NAME, "must be a day such as 2026-01-05, optionally after eq, ge, gt, le or lt");
    }
}
