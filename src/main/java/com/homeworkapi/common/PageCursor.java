package com.homeworkapi.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/** The position after which the next page starts: the sort key and the id that breaks ties. */
public record PageCursor(String position, UUID id) {

    public String encode() {
        String plain = position + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.lastIndexOf('|');
            return new PageCursor(plain.substring(0, bar), UUID.fromString(plain.substring(bar + 1)));
        } catch (RuntimeException unreadable) {
            throw invalid();
        }
    }

    /** The sort key in the type the list is ordered by. */
    public Object position(Function<String, ?> parse) {
        Object value;
        try {
            value = parse.apply(position);
        } catch (RuntimeException unreadable) {
            throw invalid();
        }
        // A forged position outside the calendar would reach the database as an error.
        boolean outOfRange = value instanceof Instant instant && !Dates.inRange(instant)
                || value instanceof LocalDate date && !Dates.inRange(date);
        if (outOfRange) {
            throw invalid();
        }
        return value;
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this API issued for this list");
    }
}
