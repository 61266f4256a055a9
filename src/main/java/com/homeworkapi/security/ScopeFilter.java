package com.homeworkapi.security;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.OperationIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Holds a token that carries SMART scopes to them ({@link ScopeTable}) on every operation of
 * {@code /v1} and {@code /fhir/R4}, once its role has been allowed and before anything reads data:
 * a token with only {@code system/Observation.rs} cannot read Goals or write anything. 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope"} otherwise.
 */
public class ScopeFilter {

    /** After the role check, before the rate limit and anything that takes a connection. */
    static final int PRIORITY = Priorities.AUTHORIZATION + 50;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = PRIORITY)
    public void checkScopes(SimpleResourceInfo resource) {
        if (identity.isAnonymous() || resource == null || resource.getResourceClass() == null) {
            return;
        }
        if (caller.scopes().isPresent()) {
            caller.requireScope(ScopeTable.need(OperationIds.of(resource)).orElseThrow(ApiProblem::insufficientScope));
        }
    }
}
