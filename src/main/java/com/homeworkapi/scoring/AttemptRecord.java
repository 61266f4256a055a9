package com.homeworkapi.scoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One logged attempt at an assignment.
 *
 * @param occurredAt         when the client did it (not when the server received it)
 * @param completionFraction 0..1 for partial attempts, optional
 * @param quality            optional rating 0-4, given by {@code rater}
 * @param sudsBefore         optional 0-100, likewise {@code sudsPeak} and {@code sudsAfter}
 */
public record AttemptRecord(
        UUID assignmentId,
        Instant occurredAt,
        Outcome outcome,
        Double completionFraction,
        Integer quality,
        QualityRater rater,
        Integer sudsBefore,
        Integer sudsPeak,
        Integer sudsAfter) {

    public enum Outcome { COMPLETED, PARTIAL, SKIPPED }

    /** Credit of a partial attempt logged without a fraction. */
    public static final double DEFAULT_PARTIAL_CREDIT = 0.5;

    public AttemptRecord {
        if (assignmentId == null || occurredAt == null || outcome == null) {
            throw new IllegalArgumentException("assignmentId, occurredAt and outcome are required");
        }
        if (completionFraction != null && !(completionFraction >= 0.0 && completionFraction <= 1.0)) {
            throw new IllegalArgumentException("completionFraction must be 0..1, was " + completionFraction);
        }
        if (quality != null) {
            if (quality < 0 || quality > 4) {
                throw new IllegalArgumentException("quality must be 0..4, was " + quality);
            }
            if (rater == null) {
                throw new IllegalArgumentException("a quality rating needs its rater");
            }
        }
        requireSuds("sudsBefore", sudsBefore);
        requireSuds("sudsPeak", sudsPeak);
        requireSuds("sudsAfter", sudsAfter);
    }

    public static AttemptRecord completed(UUID assignmentId, Instant occurredAt) {
        return new AttemptRecord(assignmentId, occurredAt, Outcome.COMPLETED, null, null, null, null, null, null);
    }

    public static AttemptRecord partial(UUID assignmentId, Instant occurredAt, Double fraction) {
        return new AttemptRecord(assignmentId, occurredAt, Outcome.PARTIAL, fraction, null, null, null, null, null);
    }

    public static AttemptRecord skipped(UUID assignmentId, Instant occurredAt) {
        return new AttemptRecord(assignmentId, occurredAt, Outcome.SKIPPED, null, null, null, null, null, null);
    }

    public AttemptRecord withQuality(int rating, QualityRater by) {
        return new AttemptRecord(assignmentId, occurredAt, outcome, completionFraction, rating, by, sudsBefore, sudsPeak, sudsAfter);
    }

    public AttemptRecord withSuds(Integer before, Integer peak, Integer after) {
        return new AttemptRecord(assignmentId, occurredAt, outcome, completionFraction, quality, rater, before, peak, after);
    }

    public AttemptRecord at(Instant moment) {
        return new AttemptRecord(assignmentId, moment, outcome, completionFraction, quality, rater, sudsBefore, sudsPeak, sudsAfter);
    }

    /** completed = 1, partial = its fraction (0.5 when none was given), skipped = 0. */
    public double credit() {
        return switch (outcome) {
            case COMPLETED -> 1.0;
            case PARTIAL -> completionFraction == null ? DEFAULT_PARTIAL_CREDIT : completionFraction;
            case SKIPPED -> 0.0;
        };
    }

    private static void requireSuds(String name, Integer value) {
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException(name + " must be 0..100, was " + value);
        }
    }
}
