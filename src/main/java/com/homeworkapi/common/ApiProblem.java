package com.homeworkapi.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMappers} turns it into
 * problem+json, so the wording of every error lives in one place.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    private ApiProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
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

    /** Answers alike for an object that does not exist and one the caller may not see. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", "No " + what + " with that id.", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, List.of());
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
