package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Headers every answer of the public port carries, whichever layer answers (an endpoint, a
 * mapper, or a filter that refuses the request before JAX-RS): the answers hold health data,
 * so no shared or browser cache may keep them, and a browser may never guess another type
 * than the one declared. Behind TLS, Strict-Transport-Security tells browsers to stay on it.
 */
@Singleton
public class SecurityHeaders {

    /**
     * Runs before every other filter but the request id and the access log, so that even their
     * early refusals carry the headers.
     */
    public static final int PRIORITY = Integer.MAX_VALUE - 2;

    private final String strictTransportSecurity;

    SecurityHeaders(HttpConfig config) {
        this.strictTransportSecurity = config.behindTls()
                ? "max-age=" + config.hstsMaxAge().toSeconds()
                : null;
    }

    @RouteFilter(PRIORITY)
    void addSecurityHeaders(RoutingContext context) {
        // Set as the headers go out, so that a handler that resets or replaces them cannot drop these.
        context.addHeadersEndHandler(ignored -> addTo(context.response().headers()));
        context.next();
    }

    /** The headers of one answer (also called by the test of the HSTS setting, without a restart). */
    void addTo(MultiMap headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (strictTransportSecurity != null) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
    }
}
