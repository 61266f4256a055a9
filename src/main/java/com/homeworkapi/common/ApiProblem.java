package com.homeworkapi.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A failure the caller can act on, and the factory of every problem the service answers:
 * services throw these, mappers and filters make them, and {@link ProblemResponses} writes
 * them, so the wording of every error lives in one place. Details never quote what the caller
 * sent (it can be health data).
 */
public class ApiProblem extends RuntimeException {

    private static final String RETRY_AFTER = "Retry-After";
    private static final long KIBIBYTE = 1024;
    private static final long MEBIBYTE = 1024 * KIBIBYTE;

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    private ApiProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    private ApiProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem invalid(List<Problem.FieldError> errors) {
        return new ApiProblem(400, "invalid-input", "Invalid input",
                "The request has invalid fields; see errors.", errors);
    }

    /** Bean Validation's findings, each named by its path in the body (schedule.timesPerWeek, obstacles[2]). */
    public static ApiProblem invalid(Collection<? extends ConstraintViolation<?>> violations) {
        return invalid(violations.stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    /** No token, or one that is expired, forged or for another issuer. */
    public static ApiProblem bearerTokenRequired() {
        return unauthorized("A valid bearer token is required.");
    }

    public static ApiProblem forbidden() {
        return new ApiProblem(403, "forbidden", "Forbidden", "Your role may not call this operation.", List.of());
    }

    /**
     * The token's SMART scopes do not reach this operation, whatever its role allows. RFC 6750
     * names the error in the challenge, so a client knows to ask its identity provider for more.
     */
    public static ApiProblem insufficientScope() {
        return new ApiProblem(403, "insufficient-scope", "Forbidden",
                "Your token's scopes do not allow this operation.", List.of(),
                Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
    }

    /** Answers alike for an object that does not exist and one the caller may not see. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", "No " + what + " with that id.", List.of());
    }

    /** Same type and title as a missing object: a malformed id in a path reads as not found. */
    public static ApiProblem noResourceAtPath() {
        return new ApiProblem(404, "not-found", "Not found", "No resource at this path.", List.of());
    }

    public static ApiProblem methodNotAllowed() {
        return new ApiProblem(405, "method-not-allowed", "Method Not Allowed",
                "This path does not accept that method.", List.of());
    }

    public static ApiProblem notAcceptable() {
        return new ApiProblem(406, "not-acceptable", "Not Acceptable",
                "This operation cannot answer in the media type you accept.", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, List.of());
    }

    /** Two requests raced for the same unique value; the check before the write saw neither. */
    public static ApiProblem concurrentConflict() {
        return conflict("The request conflicts with data stored at the same time; retry it.");
    }

    /** The body is over the configured limit, stated in the largest unit that divides it. */
    public static ApiProblem payloadTooLarge(long maxBytes) {
        return new ApiProblem(413, "payload-too-large", "Payload too large",
                "The request body is larger than the limit of " + inUnits(maxBytes) + ".", List.of());
    }

    /** The request's target (path and query) is longer than the configured limit. */
    public static ApiProblem uriTooLong(int maxLength) {
        return new ApiProblem(414, "uri-too-long", "URI too long", "The request's path and query are longer than"
                + " the limit of " + maxLength + " characters.", List.of());
    }

    /** The header fields are over the configured limit, stated in the largest unit that divides it. */
    public static ApiProblem headersTooLarge(long maxBytes) {
        return new ApiProblem(431, "request-header-fields-too-large", "Request header fields too large",
                "The request's header fields are larger than the limit of " + inUnits(maxBytes) + ".", List.of());
    }

    /** A browser page of an origin the clinic did not list asked whether it may call the API. */
    public static ApiProblem corsOriginRefused() {
        return new ApiProblem(403, "cors-origin-refused", "Origin not allowed",
                "Browser pages of this origin may not call the API.", List.of());
    }

    public static ApiProblem unsupportedMediaType() {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported Media Type",
                "Send the body as application/json.", List.of());
    }

    /** Well-formed, but contradicts how the request's own parts were used before. */
    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "unprocessable-content", "Unprocessable content", detail, List.of());
    }

    public static ApiProblem preconditionFailed() {
        return new ApiProblem(412, "precondition-failed", "Precondition failed",
                "If-Match does not match the current ETag; read the resource again and retry.", List.of());
    }

    public static ApiProblem preconditionRequired() {
        return new ApiProblem(428, "precondition-required", "Precondition required",
                "Send If-Match with the ETag of the version you read.", List.of());
    }

    /**
     * Over a rate limit. Retry-After says when one request will be let through again; the
     * RateLimit and RateLimit-Policy fields (IETF httpapi draft) name the limit that refused it.
     */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds, Map<String, String> rateLimitFields) {
        Map<String, String> headers = new HashMap<>(rateLimitFields);
        headers.put(RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ApiProblem(429, "too-many-requests", "Too many requests", detail, List.of(), headers);
    }

    /**
     * The service cannot answer now but will soon, by itself: the request changed nothing and may
     * be sent again after Retry-After seconds.
     */
    public static ApiProblem serviceUnavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(503, "service-unavailable", "Service unavailable", detail, List.of(),
                Map.of(RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    /** Another status the HTTP layer chose, in its own standard words. */
    public static ApiProblem httpStatus(int status, String reasonPhrase) {
        return new ApiProblem(status, reasonPhrase.toLowerCase(Locale.ROOT).replace(' ', '-'), reasonPhrase,
                reasonPhrase, List.of());
    }

    /**
     * The request's audit event could not be stored, so its answer is withheld (a client's data
     * is never answered unaudited); nothing was changed.
     */
    public static ApiProblem auditUnavailable() {
        return new ApiProblem(503, "service-unavailable", "Service unavailable",
                "The request could not be recorded in the audit trail, so it was not carried out; retry it.",
                List.of());
    }

    /** The reference is logged with the failure's type; the caller quotes it to support. */
    public static ApiProblem internalError(String reference) {
        return new ApiProblem(500, "internal-error", "Internal error",
                "The service failed to answer; reference " + reference + ".", List.of());
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors.isEmpty() ? null : errors);
    }

    /**
     * The problem of one item of a batch: its field paths start at the item, as in
     * attempts[3].suds.peak, and the empty path names the item itself.
     */
    public Problem toProblemAt(String itemPath) {
        List<Problem.FieldError> itemErrors = errors.stream()
                .map(error -> new Problem.FieldError(error.field().isEmpty() ? itemPath
                        : itemPath + "." + error.field(), error.message()))
                .toList();
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(),
                itemErrors.isEmpty() ? null : itemErrors);
    }

    public int status() {
        return status;
    }

    /** Headers the answer carries besides those its status implies (Retry-After, RateLimit). */
    public Map<String, String> headers() {
        return headers;
    }

    private static String inUnits(long bytes) {
        if (bytes > 0 && bytes % MEBIBYTE == 0) {
            return bytes / MEBIBYTE + " MiB";
        }
        if (bytes > 0 && bytes % KIBIBYTE == 0) {
            return bytes / KIBIBYTE + " KiB";
        }
        return bytes + " bytes";
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
