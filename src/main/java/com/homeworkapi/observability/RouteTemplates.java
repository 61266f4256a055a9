package com.homeworkapi.observability;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The route templates of the API (/v1/clients/{clientId}), read from the JAX-RS annotations of
 * its resources, and which template a raw path belongs to. Metrics and the access log name a
 * request by its template: a raw path would carry ids, and an unknown one would plant a new
 * label per request.
 */
public final class RouteTemplates {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

    /** Template by the pattern of the paths it stands for, checked in a stable order. */
    private final Map<String, Pattern> patternByTemplate = new TreeMap<>();

    private RouteTemplates(Collection<String> templates) {
        for (String template : templates) {
            patternByTemplate.put(template, Pattern.compile(toRegex(template)));
        }
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
        return patternByTemplate.containsKey(path);
    }

    /** The template this raw path matches, or empty for a path that no resource serves. */
    public Optional<String> templateOf(String rawPath) {
        if (isTemplate(rawPath)) {
            return Optional.of(rawPath);
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        return patternByTemplate.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                // A literal segment wins over a parameter (/v1/reports/at-risk before a {id}).
                .min((first, second) -> Long.compare(parameters(first), parameters(second)));
    }

    private static long parameters(String template) {
        return PARAMETER.matcher(template).results().count();
    }

    private static String join(String root, String path) {
        String joined = (root.endsWith("/") ? root : root + "/") + (path.startsWith("/") ? path.substring(1) : path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        var parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            regex.append(Pattern.quote(template.substring(at, parameters.start()))).append("[^/]+");
            at = parameters.end();
        }
        return regex.append(Pattern.quote(template.substring(at))).toString();
    }
}
