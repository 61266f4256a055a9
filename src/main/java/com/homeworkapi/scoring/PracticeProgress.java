package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the client's practice now compares with where it began: the "still ahead of where
 * you started" view for homework. Figures only; nothing here is a success criterion.
 *
 * @param first     the assignments active in the first week that had any
 * @param current   the assignments active in the current week, or in the last week that had any
 * @param exposures repeated exposures: assignments with at least two attempts that logged peak SUDS
 */
public record PracticeProgress(AssignmentSet first, AssignmentSet current, List<ExposureSeries> exposures, Evidence evidence) {

    public static final String RULE = "practice_first_vs_current";

    public PracticeProgress {
        exposures = List.copyOf(exposures);
    }

    /** A set of assignments active in one week. */
    public record AssignmentSet(IsoWeek week, int count, Map<String, Integer> countByKind, Double meanDifficulty) {

        public AssignmentSet {
            countByKind = Map.copyOf(countByKind);
        }

        static AssignmentSet none() {
            return new AssignmentSet(null, 0, Map.of(), null);
        }
    }

    /**
     * SUDS across repeated attempts of one assignment. Within-exposure habituation is peak
     * minus after; it is descriptive only, because inhibitory learning does not require it.
     */
    public record ExposureSeries(
            UUID assignmentId,
            String kind,
            int attemptsWithPeak,
            int firstPeakSuds,
            int latestPeakSuds,
            int peakChange,
            Integer firstHabituation,
            Integer latestHabituation,
            Double meanHabituation,
            Integer habituationChange) {
    }

    public static PracticeProgress of(List<AssignmentRecord> assignments, List<AttemptRecord> attempts, LocalDate today) {
        IsoWeek firstWeek = null;
        IsoWeek lastWeek = null;
        IsoWeek currentWeek = IsoWeek.containing(today);
        for (AssignmentRecord assignment : assignments) {
            IsoWeek week = IsoWeek.containing(assignment.firstEffectiveDate());
            if (firstWeek == null || week.compareTo(firstWeek) < 0) {
                firstWeek = week;
            }
        }
        // Only the first and the latest week with an active assignment are reported: find them
        // from either end, and describe just those two.
        IsoWeek firstActiveWeek = null;
        for (IsoWeek week = firstWeek; week != null && week.compareTo(currentWeek) <= 0; week = week.next()) {
            if (anyActiveIn(assignments, week)) {
                firstActiveWeek = week;
                break;
            }
        }
        // The search back from the current week stops at the first active week at the latest.
        for (IsoWeek week = currentWeek; firstActiveWeek != null && lastWeek == null; week = week.plusWeeks(-1)) {
            if (anyActiveIn(assignments, week)) {
                lastWeek = week;
            }
        }
        AssignmentSet first = firstActiveWeek == null ? AssignmentSet.none() : activeIn(assignments, firstActiveWeek);
        AssignmentSet current = lastWeek == null ? AssignmentSet.none()
                : lastWeek.equals(firstActiveWeek) ? first : activeIn(assignments, lastWeek);
        List<ExposureSeries> exposures = exposures(assignments, attempts);
        String explanation;
        if (lastWeek == null) {
            explanation = "no assignment has been active yet";
        } else if (lastWeek.equals(first.week())) {
            explanation = String.format(Locale.ROOT, "%d assignment(s) in %s, the first and latest week with any; %d repeated exposure(s)",
                    current.count(), lastWeek, exposures.size());
        } else {
            explanation = String.format(Locale.ROOT, "%d assignment(s) in %s (the first week with any), %d in %s (the latest); %d repeated exposure(s)",
                    first.count(), first.week(), current.count(), lastWeek, exposures.size());
        }
        // Evidence lists a week once, so the first week that is also the latest appears once.
        List<IsoWeek> weeks = lastWeek == null ? List.of() : List.of(first.week(), lastWeek);
        Evidence evidence = new Evidence(RULE, explanation, weeks, nulls(weeks.size()), List.of(), Map.of());
        return new PracticeProgress(first, current, exposures, evidence);
    }

    private static boolean anyActiveIn(List<AssignmentRecord> assignments, IsoWeek week) {
        for (AssignmentRecord assignment : assignments) {
            if (ExpectedOccurrences.activeDays(assignment, week.monday(), 7) > 0) {
                return true;
            }
        }
        return false;
    }

    private static AssignmentSet activeIn(List<AssignmentRecord> assignments, IsoWeek week) {
        int count = 0;
        int rated = 0;
        double difficultySum = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (AssignmentRecord assignment : assignments) {
            if (ExpectedOccurrences.activeDays(assignment, week.monday(), 7) > 0) {
                count++;
                byKind.merge(Objects.requireNonNullElse(assignment.kind(), "unspecified"), 1, Integer::sum);
                if (assignment.difficulty() != null) {
                    rated++;
                    difficultySum += assignment.difficulty();
                }
            }
        }
        return new AssignmentSet(week, count, byKind, rated == 0 ? null : difficultySum / rated);
    }

    private static List<ExposureSeries> exposures(List<AssignmentRecord> assignments, List<AttemptRecord> attempts) {
        Map<UUID, List<AttemptRecord>> withPeak = new LinkedHashMap<>();
        for (AssignmentRecord assignment : assignments) {
            withPeak.put(assignment.id(), new ArrayList<>());
        }
        for (AttemptRecord attempt : attempts) {
            List<AttemptRecord> series = withPeak.get(attempt.assignmentId());
            if (series != null && attempt.sudsPeak() != null) {
                series.add(attempt);
            }
        }
        List<ExposureSeries> result = new ArrayList<>();
        for (AssignmentRecord assignment : assignments) {
            List<AttemptRecord> series = withPeak.get(assignment.id());
            if (series.size() < 2) {
                continue;
            }
            series.sort(Comparator.comparing(AttemptRecord::occurredAt));
            Integer firstHabituation = null;
            Integer latestHabituation = null;
            int habituationSum = 0;
            int habituationCount = 0;
            for (AttemptRecord attempt : series) {
                if (attempt.sudsAfter() != null) {
                    int habituation = attempt.sudsPeak() - attempt.sudsAfter();
                    if (firstHabituation == null) {
                        firstHabituation = habituation;
                    }
                    latestHabituation = habituation;
                    habituationSum += habituation;
                    habituationCount++;
                }
            }
            int firstPeak = series.get(0).sudsPeak();
            int latestPeak = series.get(series.size() - 1).sudsPeak();
            result.add(new ExposureSeries(assignment.id(), assignment.kind(), series.size(), firstPeak, latestPeak,
                    latestPeak - firstPeak, firstHabituation, latestHabituation,
                    habituationCount == 0 ? null : (double) habituationSum / habituationCount,
                    habituationCount < 2 ? null : latestHabituation - firstHabituation));
        }
        return result;
    }

    private static List<Double> nulls(int size) {
        List<Double> none = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            none.add(null);
        }
        return none;
    }
}
