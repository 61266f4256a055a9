package com.homeworkapi.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART on FHIR scopes of a token's {@code scope} claim, which narrow what its roles allow
 * (App Launch 2.0): {@code system/Observation.rs}, {@code patient/*.cruds}, and the v1 forms
 * {@code user/Goal.read}, {@code .write}, {@code .*}. Other scopes ({@code openid},
 * {@code launch}, {@code offline_access}) grant no resource; a v2 scope narrowed by a query
 * ({@code patient/Observation.rs?category=survey}) grants nothing either, as the service cannot
 * hold a request to such a query.
 */
public final class SmartScopes {

    private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]*)\\.(\\S+)");
    private static final Pattern V2_PERMISSIONS = Pattern.compile("c?r?u?d?s?");

    /** One resource scope: the context it is granted in, the FHIR type (or {@code *}) and its permissions (cruds). */
    public record Scope(String context, String resourceType, String permissions) {

        boolean grants(String type, char permission, boolean clientToken) {
            boolean context = clientToken ? !"system".equals(this.context) : !"patient".equals(this.context);
            return context && ("*".equals(resourceType) || resourceType.equals(type))
                    && permissions.indexOf(permission) >= 0;
        }
    }

    private final List<Scope> scopes;

    private SmartScopes(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** The token's scopes; empty when it carries no {@code scope} claim, and keeps its role's rules. */
    public static Optional<SmartScopes> of(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        String text = claim.toString().replace("\"", "");
        return Optional.of(new SmartScopes(parse(text)));
    }

    static List<Scope> parse(String claim) {
        return java.util.Arrays.stream(claim.trim().split("\\s+"))
                .map(SCOPE::matcher)
                .filter(Matcher::matches)
                .map(matcher -> new Scope(matcher.group(1), matcher.group(2), permissions(matcher.group(3))))
                .filter(scope -> !scope.permissions().isEmpty())
                .toList();
    }

    /** v1's read, write and * as v2 letters; v2 letters as given, in their order; anything else none. */
    private static String permissions(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> V2_PERMISSIONS.matcher(text).matches() ? text : "";
        };
    }

    /** Whether the scopes grant every one of these types this permission, in the context of this kind of token. */
    public boolean grant(ScopeTable.Need need, boolean clientToken) {
        return need.types().stream().allMatch(type -> scopes.stream()
                .anyMatch(scope -> scope.grants(type, need.permission(), clientToken)));
    }

    public List<Scope> scopes() {
        return scopes;
    }

    /** The resource scopes, sorted, as part of what a token is allowed (idempotency keys compare it). */
    String canonical() {
        return scopes.stream().map(scope -> scope.context() + "/" + scope.resourceType() + "." + scope.permissions())
                .sorted().reduce((a, b) -> a + " " + b).orElse("");
    }
}
