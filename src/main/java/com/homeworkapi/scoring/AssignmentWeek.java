package com.homeworkapi.scoring;

import java.util.UUID;

/**
 * Step (b) result: one assignment's figures for one ISO week. This is the row the service
 * can keep up to date as attempts arrive ({@link #withAttempt}), so status never has to
 * replay the whole attempt history.
 *
 * @param expected      occurrences expected over the whole week
 * @param expectedSoFar occurrences expected in the days already ended; equals {@code expected} once the week is over
 * @param inProgress    whether the week has not ended yet
 * @param credit        sum of attempt credit, uncapped
 */
public record AssignmentWeek(
        UUID assignmentId,
        IsoWeek week,
        int expected,
        int expectedSoFar,
        boolean inProgress,
        double credit,
        QualitySums quality) {

    public AssignmentWeek {
        if (assignmentId == null || week == null || quality == null) {
            throw new IllegalArgumentException("assignmentId, week and quality are required");
        }
        if (expected < 0 || expectedSoFar < 0 || credit < 0) {
            throw new IllegalArgumentException("expectations and credit must not be negative");
        }
    }

    public static AssignmentWeek empty(UUID assignmentId, IsoWeek week, int expected, int expectedSoFar, boolean inProgress) {
        return new AssignmentWeek(assignmentId, week, expected, expectedSoFar, inProgress, 0, QualitySums.NONE);
    }

    /** The expectation compliance is measured against: so far while the week runs. */
    public int expectedToDate() {
        return inProgress ? expectedSoFar : expected;
    }

    /** min(1, credit / expected); null when nothing was expected. */
    public Double compliance() {
        int denominator = expectedToDate();
        return denominator == 0 ? null : Math.min(1.0, credit / denominator);
    }

    /** Credit that counts towards compliance: min(credit, expected). */
    public double countedCredit() {
        return Math.min(credit, expectedToDate());
    }

    /** Credit beyond the whole week's expectation, reported apart and never as compliance. */
    public double extraPractice() {
        return Math.max(0, credit - expected);
    }

    public AssignmentWeek withAttempt(AttemptRecord attempt) {
        if (!attempt.assignmentId().equals(assignmentId)) {
            throw new IllegalArgumentException("attempt belongs to assignment " + attempt.assignmentId());
        }
        QualitySums rated = attempt.quality() == null ? quality : quality.withRating(attempt.rater(), attempt.quality());
        return new AssignmentWeek(assignmentId, week, expected, expectedSoFar, inProgress, credit + attempt.credit(), rated);
    }

    public AssignmentWeek withReview(ClinicianReview review) {
        if (!review.assignmentId().equals(assignmentId) || !review.week().equals(week)) {
            throw new IllegalArgumentException("review is for another assignment or week");
        }
        return new AssignmentWeek(assignmentId, week, expected, expectedSoFar, inProgress, credit,
                quality.withRating(QualityRater.CLINICIAN, review.quality()));
    }
}
