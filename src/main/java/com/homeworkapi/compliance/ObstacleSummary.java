package com.homeworkapi.compliance;

import com.homeworkapi.attempt.Obstacle;
import com.homeworkapi.scoring.IsoWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What got in the way in the weeks of a range: skipped and partial attempts counted by the
 * obstacles the client named, overall and per assignment, most frequent first, each with the
 * weeks it was named in (busiest first). Where a session's problem-solving starts.
 *
 * @param skipped         skipped attempts in the range
 * @param partial         partial attempts in the range
 * @param withoutObstacle of those, the attempts that named no obstacle
 */
public record ObstacleSummary(int skipped, int partial, int withoutObstacle, List<ObstacleCount> overall,
        List<AssignmentObstacles> assignments) {

    /** One obstacle: how often it was named, on skipped and on partial attempts, and in which weeks. */
    public record ObstacleCount(String obstacle, int count, int skipped, int partial, List<WeekCount> weeks) {
    }

    public record WeekCount(String week, LocalDate weekStart, int count) {
    }

    public record AssignmentObstacles(UUID assignmentId, int skipped, int partial, int withoutObstacle,
            List<ObstacleCount> obstacles) {
    }

    /** A skipped or partial attempt, in the ISO week it occurred (in the client's zone then). */
    public record Unfinished(UUID assignmentId, IsoWeek week, boolean skipped, List<Obstacle> obstacles) {
    }

    public static ObstacleSummary of(List<Unfinished> attempts) {
        Map<UUID, List<Unfinished>> byAssignment = new LinkedHashMap<>();
        for (Unfinished attempt : attempts) {
            byAssignment.computeIfAbsent(attempt.assignmentId(), id -> new ArrayList<>()).add(attempt);
        }
        List<AssignmentObstacles> assignments = new ArrayList<>(byAssignment.size());
        byAssignment.forEach((id, own) -> assignments.add(new AssignmentObstacles(id, count(own, true),
                count(own, false), withoutObstacle(own), counts(own))));
        // The assignment with most unfinished attempts first; ties in id order, so answers are stable.
        assignments.sort(Comparator.comparingInt((AssignmentObstacles row) -> -(row.skipped() + row.partial()))
                .thenComparing(row -> row.assignmentId().toString()));
        return new ObstacleSummary(count(attempts, true), count(attempts, false), withoutObstacle(attempts),
                counts(attempts), assignments);
    }

    private static int count(List<Unfinished> attempts, boolean skipped) {
        return (int) attempts.stream().filter(attempt -> attempt.skipped() == skipped).count();
    }

    private static int withoutObstacle(List<Unfinished> attempts) {
        return (int) attempts.stream().filter(attempt -> attempt.obstacles().isEmpty()).count();
    }

    private static List<ObstacleCount> counts(List<Unfinished> attempts) {
        Map<Obstacle, int[]> outcomes = new EnumMap<>(Obstacle.class);
        Map<Obstacle, Map<IsoWeek, Integer>> weeks = new EnumMap<>(Obstacle.class);
        for (Unfinished attempt : attempts) {
            for (Obstacle obstacle : attempt.obstacles()) {
                outcomes.computeIfAbsent(obstacle, named -> new int[2])[attempt.skipped() ? 0 : 1]++;
                weeks.computeIfAbsent(obstacle, named -> new TreeMap<>()).merge(attempt.week(), 1, Integer::sum);
            }
        }
        List<ObstacleCount> counts = new ArrayList<>(outcomes.size());
        // EnumMap iterates in declaration order, which breaks ties between equally frequent obstacles.
        outcomes.forEach((obstacle, byOutcome) -> {
            List<WeekCount> named = new ArrayList<>();
            weeks.get(obstacle).forEach((week, count) -> named.add(new WeekCount(week.toString(), week.monday(), count)));
            named.sort(Comparator.comparingInt((WeekCount week) -> -week.count()).thenComparing(WeekCount::weekStart));
            counts.add(new ObstacleCount(obstacle.toString(), byOutcome[0] + byOutcome[1], byOutcome[0], byOutcome[1],
                    named));
        });
        counts.sort(Comparator.comparingInt((ObstacleCount count) -> -count.count()));
        return counts;
    }
}
