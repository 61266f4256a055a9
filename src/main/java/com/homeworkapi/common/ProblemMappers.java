package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the problem it stands for, made by a factory of {@link ApiProblem}
 * and answered by {@link ProblemResponses}. Field errors name fields, never classes, SQL or the
 * values a caller sent (they may be health data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Why a body could not be read at all, whatever part of this broke. */
    private static final String NOT_ONE_JSON_OBJECT =
            "must be one well-formed JSON object, each property named once, with nothing after it";

    @Inject
    ProblemResponses responses;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return responses.toResponse(problem);
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException exception) {
        return responses.toResponse(ApiProblem.invalid(exception.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException exception) {
        return responses.toResponse(ApiProblem.invalid(jsonPath(exception),
                "is not a property this operation accepts (unknown or set by the server)"));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException exception) {
        String field = jsonPath(exception);
        if (field.isEmpty()) {
            // The body itself: an array, or a second value after the object.
            return malformedBody();
        }
        String message = exception instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                ? "must be one of " + enumValues(invalid.getTargetType())
                : "has the wrong type or format";
        return responses.toResponse(ApiProblem.invalid(field, message));
    }

    /** A number too large for its field, such as difficulty 99999999999. */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException exception) {
        JsonParser parser = exception.getProcessor();
        String field = parser == null ? "" : streamPath(parser.getParsingContext());
        return responses.toResponse(ApiProblem.invalid(field.isEmpty() ? "body" : field, "is out of range"));
    }

    /** Broken syntax, text after the object, or a property named twice (at any depth). */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException exception) {
        return malformedBody();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof ApiProblem problem) {
                return apiProblem(problem);
            }
            if (mapping.getCause() instanceof JsonParseException) {
                // Met inside a nested object, such as a property named twice there.
                return malformedBody();
            }
            String field = jsonPath(mapping);
            if (mapping instanceof StrictJson.MalformedText) {
                // Its message was written for the caller; Jackson's own messages are not.
                return responses.toResponse(ApiProblem.invalid(field.isEmpty() ? "body" : field,
                        mapping.getOriginalMessage()));
            }
            if (!field.isEmpty()) {
                String message = mapping.getCause() instanceof InputCoercionException ? "is out of range"
                        : "has an invalid value";
                return responses.toResponse(ApiProblem.invalid(field, message));
            }
        }
        return responses.toResponse(ApiProblem.invalid("body", "could not be read as the expected JSON"));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException exception) {
        return responses.toResponse(ApiProblem.bearerTokenRequired());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return responses.toResponse(ApiProblem.forbidden());
    }

    /** A concurrent update slipped between the If-Match check and the commit. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(RuntimeException exception) {
        return responses.toResponse(ApiProblem.preconditionFailed());
    }

    /** Two requests raced for the same unique value; the check before the write saw neither. */
    @ServerExceptionMapper
    public Response uniqueRace(org.hibernate.exception.ConstraintViolationException exception) {
        return responses.toResponse(ApiProblem.concurrentConflict());
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
        return responses.toResponse(switch (status.getStatusCode()) {
            case 404 -> ApiProblem.noResourceAtPath();
            case 405 -> ApiProblem.methodNotAllowed();
            case 406 -> ApiProblem.notAcceptable();
            case 415 -> ApiProblem.unsupportedMediaType();
            default -> ApiProblem.httpStatus(status.getStatusCode(), status.getReasonPhrase());
        });
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception) {
        // The exception's message can quote stored values, so only its type and a reference are logged.
        String reference = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s (reference %s)", exception.getClass().getName(), reference);
        LOG.debug("Unexpected failure " + reference, exception);
        return responses.toResponse(ApiProblem.internalError(reference));
    }

    private Response malformedBody() {
        return responses.toResponse(ApiProblem.invalid("body", NOT_ONE_JSON_OBJECT));
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
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList().toString();
    }
}
