package com.homeworkapi.limits;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Tells reads from writes before any other filter may take a connection. */
public class RequestKindFilter {

    /** Before every filter of the service; none of those that run earlier touch the database. */
    static final int PRIORITY = 10;

    @Inject
    RequestKind requestKind;

    @ServerRequestFilter(priority = PRIORITY)
    public void classify(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        requestKind.set(read ? RequestKind.Kind.READ : RequestKind.Kind.WRITE);
    }
}
