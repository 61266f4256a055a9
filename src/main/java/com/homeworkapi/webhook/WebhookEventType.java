package com.homeworkapi.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** The events an endpoint may subscribe to, by the code they carry in {@code type}. */
public enum WebhookEventType {
    ATTEMPT_CREATED("attempt.created"),
    ASSIGNMENT_CREATED("assignment.created"),
    ASSIGNMENT_UPDATED("assignment.updated"),
    GOAL_CREATED("goal.created"),
    GOAL_UPDATED("goal.updated"),
    MEASUREMENT_CREATED("measurement.created"),
    MEASUREMENT_SAFETY_FLAG("measurement.safety_flag"),
    CLIENT_STATUS_CHANGED("client.status_changed");

    public static final List<String> CODES = Arrays.stream(values()).map(WebhookEventType::code).toList();

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
