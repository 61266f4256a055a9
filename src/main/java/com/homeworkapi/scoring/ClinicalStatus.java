package com.homeworkapi.scoring;

import java.util.Locale;

/** The current status of a client, with its FHIR Goal.achievementStatus equivalent. */
public enum ClinicalStatus {
    NOT_ESTABLISHED,
    ON_TRACK,
    SLIP,
    AT_RISK,
    RELAPSE,
    RECOVERING;

    /** The lower-case name used in JSON and evidence, e.g. "at_risk". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * FHIR R4 goal-achievement code. on_track is {@code achieved} when symptoms are in
     * remission and {@code improving} otherwise; a relapse is {@code in-progress} because the
     * goal is being worked on again.
     */
    public String fhirAchievementStatus(boolean symptomsInRemission) {
        return switch (this) {
            case ON_TRACK -> symptomsInRemission ? "achieved" : "improving";
            case SLIP, AT_RISK -> "worsening";
            case RELAPSE, NOT_ESTABLISHED -> "in-progress";
            case RECOVERING -> "improving";
        };
    }

    /** Severity of setback statuses, for the worst status an episode reached. */
    int setbackSeverity() {
        return switch (this) {
            case SLIP -> 1;
            case AT_RISK -> 2;
            case RELAPSE -> 3;
            default -> 0;
        };
    }
}
