package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Refuses header fields over the configured limit (MAX_HEADER_SIZE) with the API's 431
 * problem. The HTTP decoder has a limit of its own, set well above this one, where it answers a
 * bare 431 before any of the service runs; between the two limits the caller gets the problem.
 */
@Singleton
public class HeaderSizeLimit {

    /** Per field, the bytes of its line: name, ": ", value and CRLF. */
    private static final int FIELD_OVERHEAD = 4;

    private final long maxBytes;
    private final ProblemResponses responses;

    HeaderSizeLimit(HttpConfig config, ProblemResponses responses) {
        this.maxBytes = config.maxHeaderSize().asLongValue();
        this.responses = responses;
    }

    @RouteFilter(SecurityHeaders.PRIORITY - 1)
    void refuseLargeHeaders(RoutingContext context) {
        long size = 0;
        for (Map.Entry<String, String> field : context.request().headers()) {
            size += field.getKey().length() + field.getValue().length() + FIELD_OVERHEAD;
        }
        if (size > maxBytes) {
            responses.send(ApiProblem.headersTooLarge(maxBytes), context.response());
            return;
        }
        context.next();
    }
}
