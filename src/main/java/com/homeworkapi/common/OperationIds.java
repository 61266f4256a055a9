package com.homeworkapi.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The operation a request was matched to, as openapi.yaml and the audit trail name it: the
 * resource method's name ({@code getClient}), or its {@link AuditedAs} name for the FHIR face
 * ({@code fhir.Patient.read}).
 */
public final class OperationIds {

    /** The CSV form of the compliance report and the SVG chart of compliance are their JSON forms' operations. */
    private static final List<String> VARIANTS = List.of("Csv", "Svg");

    /**
     * The {@link AuditedAs} of each resource method (class and method name: resource methods are
     * not overloaded), looked up once; methods without one map to none.
     */
    private static final Map<String, Optional<AuditedAs>> NAMED = new ConcurrentHashMap<>();

    private OperationIds() {
    }

    public static String of(SimpleResourceInfo resource) {
        return named(resource).map(AuditedAs::value).orElseGet(() -> {
            String method = resource.getMethodName();
            for (String variant : VARIANTS) {
                if (method.endsWith(variant)) {
                    return method.substring(0, method.length() - variant.length());
                }
            }
            return method;
        });
    }

    public static Optional<AuditedAs> named(SimpleResourceInfo resource) {
        return NAMED.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName(),
                key -> Arrays.stream(resource.getResourceClass().getMethods())
                        .filter(method -> method.getName().equals(resource.getMethodName()))
                        .map(method -> method.getAnnotation(AuditedAs.class))
                        .filter(Objects::nonNull)
                        .findFirst());
    }
}
