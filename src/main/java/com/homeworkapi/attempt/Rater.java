package com.homeworkapi.attempt;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Rater {
    CLIENT("client"),
    CLINICIAN("clinician");

    private final String code;

    Rater(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
