package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Refuses a request whose target (path and query) is longer than MAX_URI_LENGTH with the API's
 * 414 problem, and one whose header fields are larger than MAX_HEADER_SIZE with its 431 problem.
 *
 * <p>The HTTP decoder has limits of its own, set well above these (64 KiB for the request line and
 * for the header fields). Past them Vert.x answers a bare 414 or 431 and closes the connection
 * before any of the service runs: Quarkus creates its HTTP server without a way to set the
 * server's handler of such requests. Between the two limits the caller gets the problem.
 */
@Singleton
public class RequestHeadLimits {

    /** Per field, the bytes of its line: name, ": ", value and CRLF. */
    private static final int FIELD_OVERHEAD = 4;

    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final ProblemResponses responses;

    RequestHeadLimits(HttpConfig config, ProblemResponses responses) {
        this.maxUriLength = config.maxUriLength();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
        this.responses = responses;
    }

    @RouteFilter(SecurityHeaders.PRIORITY - 1)
    void refuseOverLongRequestHeads(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            responses.send(ApiProblem.uriTooLong(maxUriLength), context.response());
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> field : context.request().headers()) {
            size += field.getKey().length() + field.getValue().length() + FIELD_OVERHEAD;
        }
        if (size > maxHeaderBytes) {
            responses.send(ApiProblem.headersTooLarge(maxHeaderBytes), context.response());
            return;
        }
        context.next();
    }
}
