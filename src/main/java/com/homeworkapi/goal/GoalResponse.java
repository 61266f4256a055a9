package com.homeworkapi.goal;

import com.homeworkapi.score.AchievementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record GoalResponse(
        UUID id,
        UUID clientId,
        String title,
        String description,
        GoalStatus status,
        GoalRequest.Target target,
        LocalDate startDate,
        AchievementStatus achievementStatus,
        Instant createdAt,
        Instant updatedAt) {

    static GoalResponse from(Goal goal, AchievementStatus achievementStatus) {
        GoalTarget target = goal.target;
        boolean hasTarget = target != null
                && (target.description != null || target.instrument != null || target.value != null
                        || target.dueDate != null);
        return new GoalResponse(goal.id, goal.clientId, goal.title, goal.description, goal.status,
                hasTarget ? new GoalRequest.Target(target.description, target.instrument, target.value, target.dueDate)
                        : null,
                goal.startDate, achievementStatus, goal.createdAt, goal.updatedAt);
    }
}
