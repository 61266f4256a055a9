package com.homeworkapi.scoring;

/** Compliance band of a week. */
public enum Band {
    MET,
    ADEQUATE,
    LOW,
    /** Nothing was expected, so compliance is undefined. */
    NOTHING_EXPECTED,
    /** The week has not ended; its figures are against what was expected so far. */
    IN_PROGRESS;

    public boolean isAdequateOrBetter() {
        return this == MET || this == ADEQUATE;
    }
}
