package com.homeworkapi.scoring;

/**
 * Step (c) result for one week.
 *
 * @param compliance    client-week compliance (so far, while in progress); null when nothing was expected
 * @param setback       a completed week that is low or holds a reliable symptom worsening from best
 * @param setbackReason rule that made it a setback, null when it is not one
 * @param status        the client's status as of this week
 */
public record WeekAssessment(
        IsoWeek week,
        boolean inProgress,
        int expected,
        int expectedWholeWeek,
        double countedCredit,
        double extraPractice,
        Double compliance,
        Band band,
        WeekQuality quality,
        boolean setback,
        String setbackReason,
        ClinicalStatus status,
        Evidence evidence) {
}
