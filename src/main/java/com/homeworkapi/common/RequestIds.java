package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: the caller's own id for a request when it is short and made of safe
 * characters, otherwise one made here. Every answer echoes it, and the audit event of the request
 * carries it, so a caller's log line and the audit trail can be matched. A header that does not
 * qualify is replaced rather than refused: a tracing header never fails a request.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Letters, digits and {@code . _ : -}, 1 to 64 of them: nothing a log or a CSV cell could misread. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String KEY = RequestIds.class.getName();

    /** Runs before every other filter, so even a 413 answered there carries the id. */
    @RouteFilter(Integer.MAX_VALUE)
    void assignRequestId(RoutingContext context) {
        String sent = context.request().getHeader(HEADER);
        String requestId = sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        context.put(KEY, requestId);
        context.response().putHeader(HEADER, requestId);
        context.next();
    }

    /** The id of the request this context serves. */
    public static String of(RoutingContext context) {
        String requestId = context.get(KEY);
        return requestId != null ? requestId : UUID.randomUUID().toString();
    }
}
