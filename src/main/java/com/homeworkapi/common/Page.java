package com.homeworkapi.common;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..."}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from up to {@code limit + 1} rows in keyset order; the extra row only
     * tells that another page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, ?> position,
            Function<E, UUID> id, Function<E, T> toItem) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = null;
        if (more) {
            E last = shown.get(shown.size() - 1);
            next = new PageCursor(position.apply(last).toString(), id.apply(last)).encode();
        }
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
