package com.homeworkapi.attempt;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Obstacle {
    FORGOT("forgot"),
    NO_TIME("no_time"),
    SYMPTOMS_INTERFERED("symptoms_interfered"),
    PRACTICAL_PROBLEM("practical_problem"),
    UNCLEAR_INSTRUCTIONS("unclear_instructions"),
    TOO_DIFFICULT("too_difficult"),
    OTHER("other");

    private final String code;

    Obstacle(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
