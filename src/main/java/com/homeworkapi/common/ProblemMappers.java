package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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
import java.util.Optional;
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

    // Worded by JsonProblems, which also words the problems of batch items read on their own.
    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException exception) {
        return responses.toResponse(JsonProblems.ofBody(exception));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException exception) {
        return responses.toResponse(JsonProblems.ofBody(exception));
    }

    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException exception) {
        return responses.toResponse(JsonProblems.ofBody(exception));
    }

    /** Broken syntax, text after the object, or a property named twice (at any depth). */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException exception) {
        return responses.toResponse(JsonProblems.ofBody(exception));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        return responses.toResponse(JsonProblems.ofBody(exception));
    }

    /**
     * A check of the service's own says what is wrong with a token (its cause); why the token
     * library refused one (signature, expiry, audience) stays unsaid.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException exception) {
        if (exception.getCause() instanceof ApiProblem problem && problem.status() == 401) {
            return responses.toResponse(problem);
        }
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

    /**
     * A failure that passes by itself (see {@link TransientFailures}) is a 503 with Retry-After;
     * anything else is a bug, answered 500 with a reference to the log.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable exception) {
        Optional<ApiProblem> transientFailure = TransientFailures.problemFor(exception);
        if (transientFailure.isPresent()) {
            LOG.warnf("Transient failure %s (SQLState %s), answered 503", exception.getClass().getName(),
                    TransientFailures.sqlState(exception));
            return responses.toResponse(transientFailure.get());
        }
        // The exception's message can quote stored values, so only its type and a reference are logged.
        String reference = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s (reference %s)", exception.getClass().getName(), reference);
        LOG.debug("Unexpected failure " + reference, exception);
        return responses.toResponse(ApiProblem.internalError(reference));
    }
}
