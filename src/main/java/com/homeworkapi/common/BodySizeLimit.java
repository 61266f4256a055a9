package com.homeworkapi.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Refuses a request body over the configured limit (quarkus.http.limits.max-body-size, from
 * MAX_BODY_SIZE) with the API's 413 problem. The HTTP layer holds bodies to the same limit but
 * answers with a bare 413 of its own, so these filters act before it does.
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final ProblemResponses responses;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ProblemResponses responses) {
        this.maxBytes = maxBodySize.asLongValue();
        this.responses = responses;
    }

    /**
     * A body that declares a length over the limit is refused before any of it is read; after
     * {@link RequestIds} and {@link SecurityHeaders}, so the answer carries the request's id and
     * the headers every answer has.
     */
    @RouteFilter(SecurityHeaders.PRIORITY - 3)
    void refuseDeclaredLargeBodies(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            responses.send(ApiProblem.payloadTooLarge(maxBytes), context.response());
            return;
        }
        context.next();
    }

    /**
     * A chunked body declares no length, so it is counted as it is read (by JAX-RS or by a
     * filter that reads it first) and refused once it passes the limit. The HTTP layer's own
     * count is switched off for it, as it would answer first, with an empty body. Runs before
     * the other filters, on the worker thread that every endpoint with a body blocks on.
     */
    @ServerRequestFilter(priority = Priorities.ENTITY_CODER)
    public void countChunkedBodies(ContainerRequestContext request, RoutingContext context) {
        String method = request.getMethod();
        boolean mayHaveBody = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method);
        if (mayHaveBody && request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString()) == null) {
            context.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
            request.setEntityStream(new CountedBody(request.getEntityStream(), context));
        }
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** A body that refuses itself once more than the limit has been read from it. */
    private final class CountedBody extends FilterInputStream {

        private final RoutingContext context;
        private long count;

        CountedBody(InputStream body, RoutingContext context) {
            super(body);
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            count(read < 0 ? 0 : 1);
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        @Override
        public long skip(long length) throws IOException {
            long skipped = super.skip(length);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            count += bytes;
            if (count > maxBytes) {
                // The rest of the body stays unread, so the connection closes after the answer,
                // as the HTTP layer's own limit closes it.
                context.addEndHandler(ended -> context.request().connection().close());
                throw ApiProblem.payloadTooLarge(maxBytes);
            }
        }
    }
}
