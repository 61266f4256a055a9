package com.homeworkapi.attempt;

import com.fasterxml.jackson.annotation.JsonValue;

public enum AttemptOutcome {
    COMPLETED("completed"),
    PARTIAL("partial"),
    SKIPPED("skipped");

    private final String code;

    AttemptOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
