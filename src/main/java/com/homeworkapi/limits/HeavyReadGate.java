package com.homeworkapi.limits;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets at most {@code homework.limits.heavy-reads.per-clinic} heavy reads of one clinic run at
 * once; one more waits up to {@code max-wait} for a turn, then is answered 503 with
 * Retry-After. A clinic's 40 parallel reports thus hold a few connections, and the rest of the
 * pool stays free for every other clinic. A turn is given back when the answer has been sent
 * (a CSV report streams after its endpoint returned) or its connection closed.
 */
@ApplicationScoped
public class HeavyReadGate {

    /** After the rate limits: a request over its rate takes no turn. */
    static final int PRIORITY = RateLimitFilter.PRIORITY + 10;
    static final long RETRY_AFTER_SECONDS = 2;

    private final Map<UUID, Semaphore> turnsByClinic = new ConcurrentHashMap<>();
    private final int perClinic;
    private final long maxWaitNanos;

    @Inject
    Caller caller;

    @Inject
    RequestKind requestKind;

    HeavyReadGate(LimitsConfig config) {
        this.perClinic = config.heavyReads().perClinic();
        this.maxWaitNanos = config.heavyReads().maxWait().toNanos();
    }

    @HeavyRead
    @ServerRequestFilter(priority = PRIORITY)
    public void awaitTurn(RoutingContext context) throws InterruptedException {
        enter(context);
    }

    /**
     * Takes a turn for an operation that is heavy for only some of its requests (the change feed
     * read clinic-wide, not one client's): called by its resource before the request's first
     * statement, so the statement timeout of heavy reads applies too.
     */
    public void enter(RoutingContext context) throws InterruptedException {
        requestKind.set(RequestKind.Kind.HEAVY_READ);
        Semaphore turns = turnsByClinic.computeIfAbsent(caller.clinicId(), clinic -> new Semaphore(perClinic, true));
        if (!turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            throw ApiProblem.serviceUnavailable("Your clinic already runs " + perClinic + " reports or clinic-wide"
                    + " change feeds at once; retry after the time in Retry-After.", RETRY_AFTER_SECONDS);
        }
        context.addEndHandler(ended -> turns.release());
    }
}
