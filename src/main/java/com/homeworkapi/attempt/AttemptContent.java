package com.homeworkapi.attempt;

import com.homeworkapi.common.Instants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an attempt says, normalised as it is stored. Two posts with the same id are the same
 * attempt only if their contents are equal.
 */
record AttemptContent(
        UUID assignmentId,
        Instant occurredAt,
        AttemptOutcome outcome,
        Double completion,
        Integer durationMinutes,
        AttemptRequest.Suds suds,
        AttemptRequest.Quality quality,
        List<Obstacle> obstacles,
        String note) {

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
}
