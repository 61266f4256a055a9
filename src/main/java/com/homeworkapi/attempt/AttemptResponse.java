package com.homeworkapi.attempt;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/** An attempt as stored: what it says, flat in the JSON, and what the server set when it arrived. */
public record AttemptResponse(
        UUID id,
        UUID clientId,
        Instant receivedAt,
        @JsonUnwrapped AttemptContent content) {

    public static AttemptResponse from(Attempt attempt) {
        return new AttemptResponse(attempt.id, attempt.clientId, attempt.receivedAt, AttemptContent.of(attempt));
    }
}
