package com.homeworkapi.sync;

import com.homeworkapi.attempt.AttemptOutcome;
import com.homeworkapi.attempt.AttemptRequest;
import com.homeworkapi.attempt.Obstacle;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Attempts an app logged offline, sent together. The list itself is checked here (400 for the
 * whole request); each item is checked on its own by the service, so that one bad item does
 * not hold back the others.
 */
public record SyncAttemptsRequest(
        @NotNull @Size(min = 1, max = SyncAttemptsRequest.MAX_ATTEMPTS) List<@NotNull Item> attempts) {

    public static final int MAX_ATTEMPTS = 500;

    /**
     * One attempt of the batch: the fields of {@link AttemptRequest}, whose constraints apply
     * to it unchanged, with the id required and the assignment named.
     */
    public record Item(
            @NotNull UUID id,
            @NotNull UUID assignmentId,
            OffsetDateTime occurredAt,
            AttemptOutcome outcome,
            Double completion,
            Integer durationMinutes,
            AttemptRequest.Suds suds,
            AttemptRequest.Quality quality,
            List<Obstacle> obstacles,
            String note) {

        /** The attempt as the single POST would receive it. */
        public AttemptRequest attempt() {
            return new AttemptRequest(id, occurredAt, outcome, completion, durationMinutes, suds, quality, obstacles,
                    note);
        }
    }
}
