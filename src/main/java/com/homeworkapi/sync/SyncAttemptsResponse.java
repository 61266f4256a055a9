package com.homeworkapi.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import com.homeworkapi.attempt.AttemptResponse;
import com.homeworkapi.attempt.AttemptService;
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

        /** The result of an item the attempt service looked at; its problem's fields start at {@code itemPath}. */
        static Result of(int index, UUID id, AttemptService.BatchResult logged, String itemPath) {
            if (logged.problem() != null) {
                return rejected(index, id, logged.problem().toProblemAt(itemPath));
            }
            return new Result(index, id, logged.created() ? Status.CREATED : Status.DUPLICATE, logged.attempt(), null);
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
