package com.homeworkapi.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters with a NUL character are refused before they reach a query: PostgreSQL rejects
 * them. Half a character (an unpaired surrogate) cannot arrive here, unlike in a JSON body: the
 * HTTP layer decodes percent-encoded bytes that are not UTF-8 as U+FFFD, and a query has no
 * JSON escapes.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseNulInQueryParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.indexOf(0) >= 0) {
                    throw ApiProblem.invalid(parameter.getKey(), "contains a NUL character");
                }
            }
        }
    }
}
