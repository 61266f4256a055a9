package com.homeworkapi.attempt;

import com.fasterxml.jackson.annotation.JsonValue;
import com.homeworkapi.common.Problem;
import java.util.List;
import java.util.UUID;

/** One result per attempt sent, in the order sent. */
public record SyncAttemptsResponse(List<Result> results) {

    /**
     * What became of one attempt: {@code attempt} as stored when it was created now or before,
     * {@code problem} (as the single POST would have answered) when it was rejected.
     */
    public record Result(int index, UUID id, Status status, AttemptResponse attempt, Problem problem) {

        static Result created(int index, Attempt attempt) {
            return new Result(index, attempt.id, Status.CREATED, AttemptResponse.from(attempt), null);
        }

        static Result duplicate(int index, Attempt stored) {
            return new Result(index, stored.id, Status.DUPLICATE, AttemptResponse.from(stored), null);
        }

        static Result rejected(int index, UUID id, Problem problem) {
            return new Result(index, id, Status.REJECTED, null, problem);
        }
    }

    public enum Status {
        CREATED("created"),
        DUPLICATE("duplicate"),
        REJECTED("rejected");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        @Override
        public String toString() {
            return code;
        }
    }
}
