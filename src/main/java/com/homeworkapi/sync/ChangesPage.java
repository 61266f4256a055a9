package com.homeworkapi.sync;

import java.util.List;

/**
 * One page of a client's change feed. {@code nextCursor} is always present: the feed has no
 * last page, and the cursor is where to ask again later. {@code hasMore} tells whether more is
 * ready now.
 */
public record ChangesPage(List<ChangeEntry> items, String nextCursor, boolean hasMore) {
}
