package com.homeworkapi.common;

import java.util.List;

/** The body of every error response: RFC 9457 problem details, with field errors for invalid input. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://homework-api.dev/problems/";

    public record FieldError(String field, String message) {
    }
}
