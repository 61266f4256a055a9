package com.homeworkapi.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ScheduleType {
    TIMES_PER_WEEK("times_per_week"),
    DAYS_OF_WEEK("days_of_week"),
    DAILY("daily"),
    ONCE("once");

    private final String code;

    ScheduleType(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
