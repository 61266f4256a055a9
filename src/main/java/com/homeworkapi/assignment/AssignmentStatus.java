package com.homeworkapi.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

public enum AssignmentStatus {
    ACTIVE("active"),
    PAUSED("paused"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String code;

    AssignmentStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
