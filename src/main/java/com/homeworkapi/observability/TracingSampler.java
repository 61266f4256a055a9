package com.homeworkapi.observability;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests join the caller's trace (W3C traceparent) whether or not spans are exported: the
 * trace id is in the access log either way. Spans are recorded and sent only when an OTLP
 * endpoint is configured; without one nothing is recorded, so nothing tries to reach a
 * collector that is not there.
 */
public class TracingSampler {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "homework.tracing.endpoint") Optional<String> endpoint) {
        boolean exporting = endpoint.filter(value -> !value.isBlank()).isPresent();
        return exporting ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }
}
