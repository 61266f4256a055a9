package com.homeworkapi.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

public enum AssignmentKind {
    EXPOSURE("exposure"),
    THOUGHT_RECORD("thought_record"),
    BEHAVIORAL_ACTIVATION("behavioral_activation"),
    SKILLS_PRACTICE("skills_practice"),
    MINDFULNESS("mindfulness"),
    WORKSHEET("worksheet"),
    OTHER("other");

    private final String code;

    AssignmentKind(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
