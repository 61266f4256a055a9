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
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What JSON that Jackson could not read is answered: a 400 naming the field at fault. Used for
 * whole request bodies ({@link ProblemMappers}) and for parts of a body read on their own (one
 * item of a batch), so that both name fields and word messages alike. Messages never quote the
 * value sent.
 */
public final class JsonProblems {

    /** Why a body could not be read at all, whatever part of this broke. */
    static final String NOT_ONE_JSON_OBJECT =
            "must be one well-formed JSON object, each property named once, with nothing after it";

    private JsonProblems() {
    }

    /** For a request body: fields named from its root, the root itself {@code body}. */
    public static ApiProblem ofBody(JsonProcessingException exception) {
        return of(exception, "body");
    }

    /**
     * For a part of a body read on its own, such as one item of a batch: fields named from the
     * part, the part itself by the empty path, so that {@link ApiProblem#toProblemAt} names
     * them all from the body's root.
     */
    public static ApiProblem ofPart(JsonProcessingException exception) {
        return of(exception, "");
    }

    private static ApiProblem of(JsonProcessingException exception, String root) {
        // Broken syntax, text after the object or a property named twice (at any depth): the
        // body's fault, wherever in it a reader was when it broke.
        if (exception instanceof JsonParseException || exception.getCause() instanceof JsonParseException) {
            return ApiProblem.invalid(root, NOT_ONE_JSON_OBJECT);
        }
        if (exception instanceof StrictJson.MalformedText malformed) {
            // Its message was written for the caller; Jackson's own messages are not.
            String field = jsonPath(malformed);
            return ApiProblem.invalid(field.isEmpty() ? root : field, malformed.getOriginalMessage());
        }
        if (exception instanceof InputCoercionException outOfRange) {
            // A number too large for its field, such as difficulty 99999999999.
            JsonParser parser = outOfRange.getProcessor();
            String field = parser == null ? "" : streamPath(parser.getParsingContext());
            return ApiProblem.invalid(field.isEmpty() ? root : field, "is out of range");
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.invalid(jsonPath(unknown),
                    "is not a property this operation accepts (unknown or set by the server)");
        }
        if (exception instanceof MismatchedInputException mismatched) {
            String field = jsonPath(mismatched);
            if (field.isEmpty()) {
                // The body itself: an array, or a second value after the object.
                return ApiProblem.invalid(root, NOT_ONE_JSON_OBJECT);
            }
            String message = mismatched instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "must be one of " + enumValues(invalid.getTargetType())
                    : "has the wrong type or format";
            return ApiProblem.invalid(field.isEmpty() ? root : field, message);
        }
        if (exception instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof ApiProblem problem) {
                return problem;
            }
            String field = jsonPath(mapping);
            if (!field.isEmpty()) {
                String message = mapping.getCause() instanceof InputCoercionException ? "is out of range"
                        : "has an invalid value";
                return ApiProblem.invalid(field, message);
            }
        }
        return ApiProblem.invalid(root, "could not be read as the expected JSON");
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
