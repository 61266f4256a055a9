package com.homeworkapi.limits;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ProblemResponses;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown, with Quarkus's own (quarkus.shutdown.*): once the service is told to stop
 * (SIGTERM), readiness reports DOWN, requests in flight run to their end (at most
 * SHUTDOWN_TIMEOUT), and every new request is answered here with the API's 503 and
 * Retry-After, so that a client retries on another instance. Runs before every other filter.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    static final long RETRY_AFTER_SECONDS = 1;

    private final ProblemResponses responses;
    private volatile boolean stopping;

    ShutdownGate(ProblemResponses responses) {
        this.responses = responses;
    }

    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        LOG.info("Shutting down: new requests are answered 503, requests in flight run to their end");
    }

    @RouteFilter(Integer.MAX_VALUE - 1)
    void refuseNewRequestsWhileStopping(RoutingContext context) {
        if (stopping) {
            // The connection closes after the answer, so the client's next request goes elsewhere.
            context.response().putHeader("Connection", "close");
            responses.send(ApiProblem.serviceUnavailable(
                    "This instance is shutting down; retry after the time in Retry-After.", RETRY_AFTER_SECONDS),
                    context.response());
            return;
        }
        context.next();
    }
}
