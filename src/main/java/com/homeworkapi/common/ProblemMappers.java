package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem+json. Details name fields, never
 * classes, SQL or the values a caller sent (they may be health data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        if (problem.status() == 401) {
            return challenge(problem.toProblem());
        }
        return respond(problem.toProblem());
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException exception) {
        return respond(ApiProblem.invalid(exception.getConstraintViolations()).toProblem());
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException exception) {
        return respond(ApiProblem.invalid(jsonPath(exception),
                "is not a property this operation accepts (unknown or set by the server)").toProblem());
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException exception) {
        String field = jsonPath(exception);
        String message = exception instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                ? "must be one of " + enumValues(invalid.getTargetType())
                : "has the wrong type or format";
        return respond(ApiProblem.invalid(field.isEmpty() ? "body" : field, message).toProblem());
    }

    /** A number too large for its field, such as difficulty 99999999999. */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException exception) {
        JsonParser parser = exception.getProcessor();
        String field = parser == null ? "" : streamPath(parser.getParsingContext());
        return respond(ApiProblem.invalid(field.isEmpty() ? "body" : field, "is out of range").toProblem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException exception) {
        return respond(ApiProblem.invalid("body", "is not well-formed JSON").toProblem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof ApiProblem problem) {
                return apiProblem(problem);
            }
            String field = jsonPath(mapping);
            if (!field.isEmpty()) {
                String message = mapping.getCause() instanceof InputCoercionException ? "is out of range"
                        : "has an invalid value";
                return respond(ApiProblem.invalid(field, message).toProblem());
            }
        }
        return respond(ApiProblem.invalid("body", "could not be read as the expected JSON").toProblem());
    }

    /**
     * A check of the service's own says what is wrong with a token (its cause); why the token
     * library refused one (signature, expiry, audience) stays unsaid.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException exception) {
        if (exception.getCause() instanceof ApiProblem problem && problem.status() == 401) {
            return challenge(problem.toProblem());
        }
        return challenge(ApiProblem.unauthorized("A valid bearer token is required.").toProblem());
    }

    /** Every 401 names the scheme that would work (RFC 9110). */
    private static Response challenge(Problem problem) {
        return Response.fromResponse(respond(problem)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role may not call this operation.", null));
    }

    /** A concurrent update slipped between the If-Match check and the commit. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(RuntimeException exception) {
        return respond(ApiProblem.preconditionFailed().toProblem());
    }

    /** Two requests raced for the same unique value; the check before the write saw neither. */
    @ServerExceptionMapper
    public Response uniqueRace(org.hibernate.exception.ConstraintViolationException exception) {
        return respond(ApiProblem.conflict("The request conflicts with data stored at the same time; retry it.")
                .toProblem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonParseException malformed) {
            return malformedJson(malformed);
        }
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(exception);
        }
        if (status.getStatusCode() == 404) {
            // Same type and title as a missing object: a malformed id in a path reads as not found.
            return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                    "No resource at this path.", null));
        }
        String detail = switch (status.getStatusCode()) {
            case 405 -> "This path does not accept that method.";
            case 406 -> "This operation cannot answer in the media type you accept.";
            case 415 -> "Send the body as application/json.";
            default -> status.getReasonPhrase();
        };
        String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return respond(new Problem(Problem.TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(),
                detail, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception) {
        // The exception's message can quote stored values, so only its type and a reference are logged.
        String reference = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s (reference %s)", exception.getClass().getName(), reference);
        LOG.debug("Unexpected failure " + reference, exception);
        return respond(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "The service failed to answer; reference " + reference + ".", null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String streamPath(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                steps.push("[" + level.getCurrentIndex() + "]");
            } else if (level.getCurrentName() != null) {
                steps.push(level.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (path.length() > 0 && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static String enumValues(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList().toString();
    }
}
