package com.homeworkapi.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Step (b): turns an assignment's attempts and reviews into one {@link AssignmentWeek} per
 * ISO week. An attempt counts in the week in which it occurred, in the zone the client lived in
 * then ({@link TimeZoneHistory}), however late it was synced, which is why a past week's
 * figures can change.
 */
public final class WeeklyCredit {

    private WeeklyCredit() {
    }

    public static LocalDate localDate(Instant moment, ZoneId zone) {
        return LocalDate.ofInstant(moment, zone);
    }

    /**
     * Rows for every week from {@code first} to {@code last} inclusive. Attempts and reviews of
     * other assignments or outside the range are ignored. {@code today} is the client's local
     * date and decides which week is in progress.
     */
    public static List<AssignmentWeek> aggregate(
            AssignmentRecord assignment,
            List<AttemptRecord> attempts,
            List<ClinicianReview> reviews,
            TimeZoneHistory zones,
            IsoWeek first,
            IsoWeek last,
            LocalDate today) {
        long[] attemptEpochDays = new long[attempts.size()];
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord attempt = attempts.get(i);
            if (attempt.assignmentId().equals(assignment.id())) {
                attemptEpochDays[i] = zones.localDate(attempt.occurredAt()).toEpochDay();
            }
        }
        return aggregate(assignment, attempts, attemptEpochDays, reviews, first, last, today);
    }

    /**
     * As above, with the client's local date of each attempt given as an epoch day:
     * {@code attemptEpochDays[i]} is that of {@code attempts.get(i)}, so a client's attempts are
     * put on dates once for all its assignments. Other assignments' entries are not read.
     */
    static List<AssignmentWeek> aggregate(
            AssignmentRecord assignment,
            List<AttemptRecord> attempts,
            long[] attemptEpochDays,
            List<ClinicianReview> reviews,
            IsoWeek first,
            IsoWeek last,
            LocalDate today) {
        int weekCount = (int) first.weeksUntil(last) + 1;
        if (weekCount < 1) {
            return List.of();
        }
        long firstMondayEpochDay = first.monday().toEpochDay();
        IsoWeek currentWeek = IsoWeek.containing(today);
        AssignmentWeek[] rows = new AssignmentWeek[weekCount];
        IsoWeek week = first;
        for (int i = 0; i < weekCount; i++) {
            boolean inProgress = week.equals(currentWeek);
            int expected = ExpectedOccurrences.inWeek(assignment, week);
            int soFar = inProgress ? ExpectedOccurrences.inWeekSoFar(assignment, week, today) : expected;
            rows[i] = AssignmentWeek.empty(assignment.id(), week, expected, soFar, inProgress);
            week = week.next();
        }
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord attempt = attempts.get(i);
            if (attempt.assignmentId().equals(assignment.id())) {
                int index = weekIndex(attemptEpochDays[i], firstMondayEpochDay);
                if (index >= 0 && index < weekCount) {
                    rows[index] = rows[index].withAttempt(attempt);
                }
            }
        }
        for (ClinicianReview review : reviews) {
            if (review.assignmentId().equals(assignment.id())) {
                int index = weekIndex(review.weekStart().toEpochDay(), firstMondayEpochDay);
                if (index >= 0 && index < weekCount) {
                    rows[index] = rows[index].withReview(review);
                }
            }
        }
        return List.of(rows);
    }

    private static int weekIndex(long epochDay, long firstMondayEpochDay) {
        return (int) Math.floorDiv(epochDay - firstMondayEpochDay, 7);
    }

    /** Sums assignment rows into client weeks, one per distinct week, in week order. */
    public static List<ClientWeek> toClientWeeks(List<AssignmentWeek> rows) {
        List<AssignmentWeek> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.week().compareTo(b.week()));
        List<ClientWeek> weeks = new ArrayList<>();
        ClientWeek.Builder builder = null;
        for (AssignmentWeek row : sorted) {
            if (builder == null || !builder.week().equals(row.week())) {
                if (builder != null) {
                    weeks.add(builder.build());
                }
                builder = new ClientWeek.Builder(row.week());
            }
            builder.add(row);
        }
        if (builder != null) {
            weeks.add(builder.build());
        }
        return weeks;
    }
}
