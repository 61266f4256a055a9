package com.homeworkapi.goal;

import com.fasterxml.jackson.annotation.JsonValue;

public enum GoalStatus {
    PROPOSED("proposed"),
    ACTIVE("active"),
    ON_HOLD("on_hold"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String code;

    GoalStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
