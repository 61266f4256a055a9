package com.homeworkapi.client;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ClientStatus {
    ACTIVE("active"),
    DISCHARGED("discharged");

    private final String code;

    ClientStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
