package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over 1 MiB with problem+json before it is read. The HTTP layer's
 * own limit (quarkus.http.limits.max-body-size) still stops chunked bodies, without a body.
 */
public class BodySizeLimit {

    static final long MAX_BYTES = 1024 * 1024;

    @RouteFilter(Integer.MAX_VALUE)
    void refuseLargeBodies(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"type\":\"" + Problem.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                            + "\"status\":413,\"detail\":\"The request body is larger than 1 MiB.\"}");
            return;
        }
        context.next();
    }

    private static boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > MAX_BYTES;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
