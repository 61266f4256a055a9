package com.homeworkapi.review;

import com.homeworkapi.attempt.Obstacle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ReviewResponse(
        UUID id,
        UUID clientId,
        LocalDate weekStart,
        List<ReviewRequest.Item> assignments,
        List<Obstacle> obstacles,
        String obstaclesNote,
        String nextWeekChanges,
        String reviewerId,
        Instant createdAt) {

    static ReviewResponse from(Review review) {
        return new ReviewResponse(review.id, review.clientId, review.weekStart,
                review.items.stream()
                        .map(item -> new ReviewRequest.Item(item.assignmentId, item.quality, item.note))
                        .toList(),
                review.obstacles, review.obstaclesNote, review.nextWeekChanges, review.reviewerId,
                review.createdAt);
    }
}
