package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.PageCursor;
import com.homeworkapi.common.PageRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query of one FHIR interaction, checked against what the interaction supports: a parameter
 * we do not support, a modifier ({@code identifier:exact}) or a value given twice is answered 400,
 * never ignored, since a search that silently ignored a filter would answer more than was asked.
 */
final class SearchParameters {

    static final String COUNT = "_count";
    /** Opaque position of the next page, as {@code cursor} in {@code /v1}; only next links carry it. */
    static final String CURSOR = "_cursor";
    static final String FORMAT = "_format";

    /** Every interaction takes {@code _format}, for clients that cannot set Accept; JSON is all we write. */
    private static final Set<String> FORMATS = Set.of("json", "application/json", "application/fhir+json");

    private final MultivaluedMap<String, String> query;

    private SearchParameters(MultivaluedMap<String, String> query) {
        this.query = query;
    }

    /** A read: only {@code _format}. */
    static SearchParameters ofRead(UriInfo uri) {
        return of(uri, Set.of());
    }

    /** A search with these parameters, plus paging ({@code _count}, {@code _cursor}) and {@code _format}. */
    static SearchParameters ofSearch(UriInfo uri, Set<String> supported) {
        Set<String> all = new TreeSet<>(supported);
        all.add(COUNT);
        all.add(CURSOR);
        return of(uri, all);
    }

    private static SearchParameters of(UriInfo uri, Set<String> supported) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : new TreeSet<>(query.keySet())) {
            if (!supported.contains(name) && !FORMAT.equals(name)) {
                throw ApiProblem.invalid(name, "is not a search parameter this server supports here"
                        + " (see the CapabilityStatement at /fhir/R4/metadata)");
            }
        }
        SearchParameters parameters = new SearchParameters(query);
        parameters.single(FORMAT).ifPresent(format -> {
            if (!FORMATS.contains(format)) {
                throw ApiProblem.notAcceptable();
            }
        });
        return parameters;
    }

    /** The parameter's value, if given; given twice or empty is a 400. */
    Optional<String> single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiProblem.invalid(name, "may be given once");
        }
        String value = values.get(0);
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(name, "must not be empty");
        }
        return Optional.of(value);
    }

    /** Every value of a parameter that may repeat (FHIR ANDs them), in the order given. */
    List<String> all(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw ApiProblem.invalid(name, "must not be empty");
            }
        }
        return List.copyOf(values);
    }

    /** The page asked for: {@code _count} from 1 to 200 (default 50) and the cursor of a next link. */
    PageRequest page() {
        return new PageRequest(count(), single(CURSOR).map(SearchParameters::cursor).orElse(null));
    }

    /** {@code _count}: 1 to 200, default 50. */
    int count() {
        return PageRequest.parseLimit(single(COUNT).orElse(null), PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT,
                COUNT);
    }

    /** The raw {@code _cursor} of a next link, for searches that page over several lists. */
    Optional<String> cursor() {
        return single(CURSOR);
    }

    static ApiProblem unreadableCursor() {
        return ApiProblem.invalid(CURSOR, "is not a position this server issued in a next link");
    }

    private static PageCursor cursor(String value) {
        try {
            return PageCursor.decode(value);
        } catch (ApiProblem unreadable) {
            throw unreadableCursor();
        }
    }
}
