package com.homeworkapi.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Splits many ids into batches for {@code in (...)} queries: one query per batch keeps bulk
 * reads to a handful of round trips without passing PostgreSQL's limit on bind parameters.
 */
public final class IdBatches {

    public static final int SIZE = 1000;

    private IdBatches() {
    }

    /** The distinct ids in batches of at most {@link #SIZE}; none for no ids. */
    public static List<List<UUID>> of(Collection<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            batches.add(distinct.subList(from, Math.min(from + SIZE, distinct.size())));
        }
        return batches;
    }
}
