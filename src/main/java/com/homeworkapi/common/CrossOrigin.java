package com.homeworkapi.common;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * CORS for the browser dashboards named in the settings, and for no one else: off while the
 * list is empty. A preflight from a listed origin is answered here with what the API accepts; a
 * preflight from any other origin is refused with a 403 problem. Requests from a listed origin
 * get the headers that let the browser read the answer; others get none, so a browser keeps the
 * answer from the page.
 */
@Singleton
public class CrossOrigin {

    static final String ALLOWED_METHODS = "GET, POST, PUT";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, Idempotency-Key";
    static final String EXPOSED_HEADERS = "ETag, Location, Idempotent-Replayed, Retry-After, RateLimit, "
            + "RateLimit-Policy";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final Set<String> allowedOrigins;
    private final ProblemResponses responses;

    CrossOrigin(HttpConfig config, ProblemResponses responses) {
        this.allowedOrigins = Set.copyOf(config.corsOrigins().orElse(List.of()));
        this.responses = responses;
    }

    /** After the security headers and the header size check, so that a refused preflight carries them too. */
    @RouteFilter(SecurityHeaders.PRIORITY - 2)
    void applyCorsPolicy(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        boolean allowed = allows(origin);
        if (isPreflight(request)) {
            if (allowed) {
                HttpServerResponse response = context.response().setStatusCode(204);
                allowPreflight(response.headers(), origin);
                response.end();
            } else {
                responses.send(ApiProblem.corsOriginRefused(), context.response());
            }
            return;
        }
        if (allowed) {
            allowRead(context.response().headers(), origin);
        }
        context.next();
    }

    boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static void allowPreflight(MultiMap headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin)
                .set("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .set("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .set("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS)
                .add("Vary", "Origin");
    }

    private static void allowRead(MultiMap headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin)
                .set("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                .add("Vary", "Origin");
    }
}
