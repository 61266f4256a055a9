package com.homeworkapi.common;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.function.Function;

/**
 * A keyset page request from the {@code limit} and {@code cursor} query parameters. Keyset
 * paging keeps the order stable while rows are added, unlike offsets.
 */
public record PageRequest(int limit, PageCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor));
    }

    /** The JPQL condition that skips what earlier pages returned, or nothing on the first page. */
    public String keysetCondition(String positionField) {
        return after == null ? ""
                : " and (" + positionField + " > :afterPosition or (" + positionField
                        + " = :afterPosition and id > :afterId))";
    }

    /** Binds the cursor of a list ordered by an instant, such as createdAt. */
    public Parameters bind(Parameters parameters) {
        return bind(parameters, Instant::parse);
    }

    public Parameters bind(Parameters parameters, Function<String, ?> parsePosition) {
        return after == null ? parameters
                : parameters.and("afterPosition", after.position(parsePosition)).and("afterId", after.id());
    }

    private static int parseLimit(String limit) {
        return parseLimit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The {@code limit} query parameter: absent gives the default, anything but 1 to max is a 400. */
    public static int parseLimit(String limit, int defaultLimit, int maxLimit) {
        return parseLimit(limit, defaultLimit, maxLimit, "limit");
    }

    /** As {@link #parseLimit(String, int, int)}, for a parameter of another name (FHIR's {@code _count}). */
    public static int parseLimit(String limit, int defaultLimit, int maxLimit, String parameter) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= maxLimit) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like an out-of-range number
        }
        throw ApiProblem.invalid(parameter, "must be a whole number from 1 to " + maxLimit);
    }

}
