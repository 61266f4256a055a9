package com.homeworkapi.observability;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The route templates of the API (/v1/clients/{clientId}), read from the JAX-RS annotations of
 * its resources, and which template a raw path belongs to. Metrics and the access log name a
 * request by its template: a raw path would carry ids, and an unknown one would plant a new
 * label per request.
 */
public final class RouteTemplates {

    /** Fewest parameters first: a literal segment wins over a parameter (/v1/reports/at-risk before a {id}). */
    private final List<Template> templates;

    private final Set<String> texts;

    private RouteTemplates(Collection<String> templates) {
        this.templates = templates.stream().distinct().map(Template::of)
                .sorted(Comparator.comparingInt(Template::parameters).thenComparing(Template::text))
                .toList();
        this.texts = Set.copyOf(templates);
    }

    /** The templates of every method of these resource classes, class path joined with method path. */
    public static RouteTemplates of(Collection<Class<?>> resources) {
        List<String> templates = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                templates.add(path == null ? root.value() : join(root.value(), path.value()));
            }
        }
        return new RouteTemplates(templates);
    }

    public boolean isTemplate(String path) {
        return texts.contains(path);
    }

    /**
     * The template this raw path matches, or empty for a path that no resource serves. Compared
     * segment by segment, not by regular expression: the access log asks this of every request.
     */
    public Optional<String> templateOf(String rawPath) {
        if (isTemplate(rawPath)) {
            return Optional.of(rawPath);
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        String[] segments = path.split("/", -1);
        for (Template template : templates) {
            if (template.matches(segments)) {
                return Optional.of(template.text());
            }
        }
        return Optional.empty();
    }

    /** A template's segments, null where a parameter ({clientId}) stands for any one non-empty segment. */
    private record Template(String text, String[] segments, int parameters) {

        static Template of(String text) {
            String[] segments = text.split("/", -1);
            int parameters = 0;
            for (int index = 0; index < segments.length; index++) {
                if (segments[index].startsWith("{") && segments[index].endsWith("}")) {
                    segments[index] = null;
                    parameters++;
                }
            }
            return new Template(text, segments, parameters);
        }

        boolean matches(String[] path) {
            if (path.length != segments.length) {
                return false;
            }
            for (int index = 0; index < segments.length; index++) {
                boolean matched = segments[index] == null ? !path[index].isEmpty() : segments[index].equals(path[index]);
                if (!matched) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String join(String root, String path) {
        String joined = (root.endsWith("/") ? root : root + "/") + (path.startsWith("/") ? path.substring(1) : path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
