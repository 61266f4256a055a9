package com.homeworkapi.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code homework_audit_events_written_total}: there from the start, at zero, so a dashboard sees it before the first event. */
@Startup
@ApplicationScoped
class AuditMetrics {

    private final Counter eventsWritten;

    AuditMetrics(MeterRegistry registry) {
        eventsWritten = Counter.builder("homework.audit.events.written")
                .description("Audit events stored (one per client an event names)")
                .register(registry);
    }

    void written(int events) {
        eventsWritten.increment(events);
    }
}
