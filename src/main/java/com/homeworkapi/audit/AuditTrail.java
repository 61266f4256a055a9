package com.homeworkapi.audit;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.RequestIds;
import com.homeworkapi.security.Caller;
import com.homeworkapi.security.Roles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit event of the request being served: noted from the matched operation and its path
 * (see {@link AuditFilters}), completed with what the service said ({@link AuditDetails}) and the
 * status, and stored once.
 */
@RequestScoped
public class AuditTrail {

    /** Path parameters that name an object, most specific first: the object a request is about. */
    private static final List<String> OBJECT_PARAMETERS = List.of("attemptId", "goalId", "assignmentId", "clientId");
    private static final int MAX_USER_AGENT = 256;

    @Inject
    AuditEventRepository events;

    @Inject
    AuditDetails details;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest currentRequest;

    private String operation;
    private String resourceType;
    private UUID resourceId;
    private UUID clientId;
    private boolean recorded;

    /**
     * Notes which operation was matched and what its path (or, for the change feed, its
     * {@code clientId} query parameter) names. A malformed id names nothing.
     */
    void note(String operationId, String firstPathSegment, MultivaluedMap<String, String> pathParameters,
            MultivaluedMap<String, String> queryParameters) {
        String collection = firstPathSegment.endsWith("s")
                ? firstPathSegment.substring(0, firstPathSegment.length() - 1)
                : firstPathSegment;
        note(operationId, collection, false, pathParameters, queryParameters);
    }

    /**
     * Notes an operation named by {@code AuditedAs}: its resource type stays the one given (a FHIR
     * type such as Patient), while the path's ids still name the object and the client.
     */
    void noteNamed(String operationId, String namedResourceType, MultivaluedMap<String, String> pathParameters,
            MultivaluedMap<String, String> queryParameters) {
        note(operationId, namedResourceType, true, pathParameters, queryParameters);
    }

    private void note(String operationId, String type, boolean typeIsNamed,
            MultivaluedMap<String, String> pathParameters, MultivaluedMap<String, String> queryParameters) {
        if (operation != null) {
            return;
        }
        operation = operationId;
        resourceType = type;
        for (String parameter : OBJECT_PARAMETERS) {
            if (pathParameters.containsKey(parameter)) {
                if (!typeIsNamed) {
                    resourceType = parameter.substring(0, parameter.length() - "Id".length());
                }
                resourceId = uuidOrNull(pathParameters.getFirst(parameter));
                break;
            }
        }
        clientId = uuidOrNull(pathParameters.getFirst("clientId"));
        if (clientId == null && resourceId == null) {
            clientId = uuidOrNull(queryParameters.getFirst("clientId"));
        }
    }

    /**
     * A creation names its new object in Location: a new client is the event's client; a new
     * object in a client's collection (its goal, say) stays named by the client of the path.
     */
    void created(URI location) {
        String path = location.getPath();
        UUID createdId = uuidOrNull(path.substring(path.lastIndexOf('/') + 1));
        if (resourceId == null && createdId != null) {
            resourceId = createdId;
            if ("client".equals(resourceType)) {
                clientId = createdId;
            }
        }
    }

    boolean noted() {
        return operation != null;
    }

    boolean recorded() {
        return recorded;
    }

    /**
     * Stores the event with this outcome, on the current transaction if there is one.
     *
     * @return the rows written; none when the caller is not known well enough to name a clinic
     *         (no valid token)
     * @throws SQLException when the event could not be stored
     */
    int record(int status) throws SQLException {
        Optional<AuditEvent> event = eventFor(status);
        return event.isEmpty() ? 0 : events.insert(event.get());
    }

    /**
     * The event with this outcome, to be stored by the caller, marked recorded; empty when the
     * caller is not known well enough to name a clinic.
     */
    Optional<AuditEvent> eventFor(int status) {
        recorded = true;
        return eventWith(status);
    }

    String requestId() {
        return RequestIds.of(currentRequest.getCurrent());
    }

    private Optional<AuditEvent> eventWith(int status) {
        if (token.getRawToken() == null) {
            return Optional.empty();
        }
        UUID clinicId;
        Optional<UUID> ownClient;
        try {
            clinicId = caller.clinicId();
            ownClient = caller.ownClientId();
        } catch (ApiProblem notACredential) {
            return Optional.empty();
        }
        String roles = token.getGroups().stream().filter(Roles.ALL::contains).sorted()
                .collect(Collectors.joining(","));
        List<UUID> clients = clientId != null ? List.of(clientId)
                : !details.clientIds().isEmpty() ? List.copyOf(details.clientIds())
                : resourceId == null && ownClient.isPresent() ? List.of(ownClient.get())
                : List.of();
        HttpServerRequest http = http();
        SocketAddress source = http.remoteAddress();
        String userAgent = http.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return Optional.of(new AuditEvent(clinicId, token.getSubject(), roles, ownClient.orElse(null), operation,
                resourceType, resourceId, clients, details.clientsCovered(), status, requestId(),
                source == null ? null : source.hostAddress(), userAgent));
    }

    private HttpServerRequest http() {
        RoutingContext context = currentRequest.getCurrent();
        return context.request();
    }

    private static UUID uuidOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
