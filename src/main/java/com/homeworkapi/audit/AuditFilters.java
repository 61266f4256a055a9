package com.homeworkapi.audit;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Audited;
import com.homeworkapi.common.AuditedAs;
import com.homeworkapi.common.OperationIds;
import com.homeworkapi.common.ProblemResponses;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Records the audit event of every call of an {@link Audited} resource. A write's event is
 * stored by {@link AuditInterceptor} in the write's transaction; everything else (reads, and
 * calls refused before or by the service) is stored here once the status is known and before a
 * byte of the answer is sent. A read whose event cannot be stored is answered 503 instead: the
 * service never answers a client's data unaudited. A refusal whose event cannot be stored is
 * still answered as refused (it disclosed nothing), and logged.
 */
public class AuditFilters {

    private static final Logger LOG = Logger.getLogger(AuditFilters.class);

    private static final Uni<Void> NOTHING = Uni.createFrom().voidItem();

    @Inject
    AuditTrail trail;

    @Inject
    AuditEventRepository events;

    @Inject
    AuditMetrics metrics;

    @Inject
    ProblemResponses problems;

    @ServerRequestFilter
    public void noteOperation(ContainerRequestContext request, SimpleResourceInfo resource) {
        note(request, resource);
    }

    @ServerResponseFilter
    public Uni<Void> recordAnswer(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource) {
        int status = response.getStatus();
        // Without a valid token no clinic can be named (see AuditTrail): a 401 is not recorded.
        if (status == Response.Status.UNAUTHORIZED.getStatusCode() || !note(request, resource) || trail.recorded()) {
            return NOTHING;
        }
        if (Context.isOnEventLoopThread()) {
            return recordRefusalOffTheEventLoop(status, response);
        }
        try {
            metrics.written(trail.record(status));
        } catch (SQLException | RuntimeException failed) {
            LOG.errorf("Storing the audit event of request %s (status %d) failed: %s", trail.requestId(), status,
                    failed.getClass().getName());
            if (status < 400) {
                problems.replace(ApiProblem.auditUnavailable(), response);
            }
        }
        return NOTHING;
    }

    /**
     * A role refused by the security check (403), or content negotiation (406, 415), answers on
     * the event loop, where nothing may block on the database: the event is made here and
     * stored on a worker thread, and the answer waits for it. Only refusals come this way; an
     * answer with data could not be audited here, so it would be withheld.
     */
    private Uni<Void> recordRefusalOffTheEventLoop(int status, ContainerResponseContext response) {
        if (status < 400) {
            problems.replace(ApiProblem.auditUnavailable(), response);
            return NOTHING;
        }
        Optional<AuditEvent> event;
        try {
            event = trail.eventFor(status);
        } catch (RuntimeException unauthenticated) {
            // Authentication would block to read the token: the caller was refused before it.
            return NOTHING;
        }
        if (event.isEmpty()) {
            return NOTHING;
        }
        String requestId = trail.requestId();
        return Uni.createFrom().item(() -> {
            try {
                metrics.written(events.insert(event.get()));
            } catch (SQLException | RuntimeException failed) {
                LOG.errorf("Storing the audit event of request %s (status %d) failed: %s", requestId, status,
                        failed.getClass().getName());
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Whether the request is to an audited operation; if so, its operation is noted. */
    private boolean note(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(Audited.class)) {
            return false;
        }
        var uri = request.getUriInfo();
        String firstSegment = uri.getPathSegments().size() > 1 ? uri.getPathSegments().get(1).getPath() : "";
        Optional<AuditedAs> named = OperationIds.named(resource);
        if (named.isPresent()) {
            trail.noteNamed(named.get().value(), named.get().resourceType(), uri.getPathParameters(),
                    uri.getQueryParameters());
        } else {
            trail.note(OperationIds.of(resource), firstSegment, uri.getPathParameters(), uri.getQueryParameters());
        }
        return true;
    }
}
