package com.homeworkapi.scoring;

import java.util.Locale;

/** Compliance band of a week. */
public enum Band {
    MET,
    ADEQUATE,
    LOW,
    /** Nothing was expected, so compliance is undefined. */
    NOTHING_EXPECTED,
    /** The week has not ended; its figures are against what was expected so far. */
    IN_PROGRESS;

    /** The lower-case name used in JSON and kept scores, e.g. "nothing_expected". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAdequateOrBetter() {
        return this == MET || this == ADEQUATE;
    }
}
