package com.homeworkapi.attempt;

import com.homeworkapi.common.Instants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an attempt says, normalised as it is stored: every field but those the server sets when
 * it arrives. Two posts with the same id are the same attempt only if their contents are equal.
 */
public record AttemptContent(
        UUID assignmentId,
        Instant occurredAt,
        AttemptOutcome outcome,
        Double completion,
        Integer durationMinutes,
        AttemptRequest.Suds suds,
        AttemptRequest.Quality quality,
        List<Obstacle> obstacles,
        String note) {

    /** Obstacles once each and sorted, instants in microseconds, SUDS without a rating as none. */
    static AttemptContent of(UUID assignmentId, AttemptRequest request) {
        List<Obstacle> obstacles = request.obstacles() == null ? List.of()
                : request.obstacles().stream().distinct().sorted().toList();
        AttemptRequest.Suds suds = request.suds();
        boolean noSuds = suds == null || suds.before() == null && suds.peak() == null && suds.after() == null;
        return new AttemptContent(assignmentId, Instants.stored(request.occurredAt().toInstant()), request.outcome(),
                request.completion(), request.durationMinutes(), noSuds ? null : suds, request.quality(), obstacles,
                request.note());
    }

    static AttemptContent of(Attempt attempt) {
        boolean noSuds = attempt.sudsBefore == null && attempt.sudsPeak == null && attempt.sudsAfter == null;
        return new AttemptContent(attempt.assignmentId, attempt.occurredAt, attempt.outcome, attempt.completion,
                attempt.durationMinutes,
                noSuds ? null : new AttemptRequest.Suds(attempt.sudsBefore, attempt.sudsPeak, attempt.sudsAfter),
                attempt.qualityRating == null ? null
                        : new AttemptRequest.Quality(attempt.qualityRating, attempt.qualityRater),
                attempt.obstacles, attempt.note);
    }

    /** Sets the attempt's columns to this content: the inverse of {@link #of(Attempt)}. */
    void copyTo(Attempt attempt) {
        attempt.assignmentId = assignmentId;
        attempt.occurredAt = occurredAt;
        attempt.outcome = outcome;
        attempt.completion = completion;
        attempt.durationMinutes = durationMinutes;
        attempt.sudsBefore = suds == null ? null : suds.before();
        attempt.sudsPeak = suds == null ? null : suds.peak();
        attempt.sudsAfter = suds == null ? null : suds.after();
        attempt.qualityRating = quality == null ? null : quality.rating();
        attempt.qualityRater = quality == null ? null : quality.rater();
        attempt.obstacles = obstacles;
        attempt.note = note;
    }
}
