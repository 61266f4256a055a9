package com.homeworkapi.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body that declares a length over the configured limit
 * (quarkus.http.limits.max-body-size, from MAX_BODY_SIZE) with the API's 413 problem, before
 * the HTTP layer answers it with a bare 413 of its own. That layer still stops chunked bodies.
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final ProblemResponses responses;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ProblemResponses responses) {
        this.maxBytes = maxBodySize.asLongValue();
        this.responses = responses;
    }

    /** A body that declares a length over the limit is refused before any of it is read. */
    @RouteFilter(Integer.MAX_VALUE)
    void refuseDeclaredLargeBodies(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            responses.send(ApiProblem.payloadTooLarge(maxBytes), context.response());
            return;
        }
        context.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
