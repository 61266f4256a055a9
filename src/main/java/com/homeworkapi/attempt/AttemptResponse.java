package com.homeworkapi.attempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AttemptResponse(
        UUID id,
        UUID assignmentId,
        UUID clientId,
        Instant occurredAt,
        Instant receivedAt,
        AttemptOutcome outcome,
        Double completion,
        Integer durationMinutes,
        AttemptRequest.Suds suds,
        AttemptRequest.Quality quality,
        List<Obstacle> obstacles,
        String note) {

    public static AttemptResponse from(Attempt attempt) {
        AttemptContent content = AttemptContent.of(attempt);
        return new AttemptResponse(attempt.id, attempt.assignmentId, attempt.clientId, attempt.occurredAt,
                attempt.receivedAt, attempt.outcome, attempt.completion, attempt.durationMinutes, content.suds(),
                content.quality(), attempt.obstacles, attempt.note);
    }
}
