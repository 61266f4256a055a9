package com.homeworkapi.observability;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code uri} label of the HTTP metrics is a route template of the API or one of a few
 * fixed words, never a raw path: a raw path carries ids (a client's, say), and every unknown
 * path would plant a new series. Micrometer names requests that JAX-RS matched by their
 * template already; a request refused before that (a body or headers too large, a method the
 * path does not take) comes with its raw path and is mapped here to its template, or to
 * UNKNOWN when no route serves it.
 */
public class HttpMetricsLabels {

    public static final String UNKNOWN = "UNKNOWN";

    /** Micrometer's own names for unrouted answers, and the root. */
    private static final Set<String> FIXED_LABELS = Set.of("NOT_FOUND", "REDIRECTION", "root", UNKNOWN,
            "/cors-preflight");

    @Produces
    @Singleton
    RouteTemplates routeTemplates(BeanManager beans) {
        // Quarkus REST makes every resource class a bean, so the beans list every route.
        List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .toList();
        return RouteTemplates.of(resources);
    }

    @Produces
    @Singleton
    MeterFilter onlyRouteTemplatesAsUriLabels(RouteTemplates templates) {
        return MeterFilter.replaceTagValues("uri", uri -> label(templates, uri));
    }

    static String label(RouteTemplates templates, String uri) {
        if (FIXED_LABELS.contains(uri) || templates.isTemplate(uri)) {
            return uri;
        }
        return templates.templateOf(uri).orElse(UNKNOWN);
    }
}
