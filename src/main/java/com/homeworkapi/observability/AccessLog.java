package com.homeworkapi.observability;

import com.homeworkapi.common.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One line per answered request, without health data: the method, the route template (never
 * the raw path, which carries ids, nor the query, which can carry free text), the status, the
 * duration, the request id (the caller's X-Request-Id when well formed, else one made here) and
 * the trace id. Bodies and headers are never logged. Category {@code homework.access}, at INFO.
 */
@Singleton
public class AccessLog {

    public static final String CATEGORY = "homework.access";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** A request id is logged only when it cannot forge a log line or smuggle text. */

    private final RouteTemplates templates;

    AccessLog(RouteTemplates templates) {
        this.templates = templates;
    }

    /** Right after {@link RequestIds}, so that it logs the id the answer carries and sees every refusal. */
    @RouteFilter(Integer.MAX_VALUE - 1)
    void logWhenAnswered(RoutingContext context) {
        if (!LOG.isInfoEnabled()) {
            context.next();
            return;
        }
        long started = System.nanoTime();
        String method = context.request().method().name();
        String route = templates.templateOf(context.normalizedPath()).orElse(HttpMetricsLabels.UNKNOWN);
        SpanContext span = Span.current().getSpanContext();
        String traceId = span.isValid() ? span.getTraceId() : "-";
        context.addBodyEndHandler(ended -> LOG.infof("%s %s %d %dms request_id=%s trace_id=%s", method, route,
                context.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                RequestIds.of(context), traceId));
        context.next();
    }
}
