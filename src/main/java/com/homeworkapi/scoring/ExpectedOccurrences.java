package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Step (a): how many occurrences of an assignment were expected in each ISO week, from its
 * revision history. Everything is counted on local calendar dates, so DST changes cannot
 * shift a day into another week; attempts are converted to local dates before they meet
 * these figures.
 *
 * <p>Each day of a week is judged under the revision in force on that day, so a revision
 * that takes effect mid-week changes only the days from its effective date on.
 * {@code timesPerWeek} days contribute n/7 each and the week's sum is rounded up, which is
 * ceil(n * activeDays / 7) when one revision covers the week.
 */
public final class ExpectedOccurrences {

    private static final int DAYS_PER_WEEK = 7;

    private ExpectedOccurrences() {
    }

    /** Occurrences expected over the whole week. */
    public static int inWeek(AssignmentRecord assignment, IsoWeek week) {
        return count(assignment, week.monday(), DAYS_PER_WEEK);
    }

    /**
     * Occurrences expected in the days of {@code week} that ended before {@code today}. For an
     * ended week this equals {@link #inWeek}. While the week is under way, prorated
     * {@code timesPerWeek} targets round down, so a client is not behind before a full
     * share of the week has passed.
     */
    public static int inWeekSoFar(AssignmentRecord assignment, IsoWeek week, LocalDate today) {
        LocalDate monday = week.monday();
        long elapsed = today.toEpochDay() - monday.toEpochDay();
        if (elapsed >= DAYS_PER_WEEK) {
            return count(assignment, monday, DAYS_PER_WEEK);
        }
        return elapsed <= 0 ? 0 : count(assignment, monday, (int) elapsed);
    }

    /** Whole-week expectations for {@code weekCount} consecutive weeks from {@code first}. */
    public static int[] perWeek(AssignmentRecord assignment, IsoWeek first, int weekCount) {
        int[] expected = new int[weekCount];
        LocalDate monday = first.monday();
        for (int i = 0; i < weekCount; i++) {
            expected[i] = count(assignment, monday, DAYS_PER_WEEK);
            monday = monday.plusWeeks(1);
        }
        return expected;
    }

    /** Number of active days in the first {@code dayCount} days of the week from {@code monday}. */
    public static int activeDays(AssignmentRecord assignment, LocalDate monday, int dayCount) {
        int active = 0;
        for (int offset = 0; offset < dayCount; offset++) {
            if (assignment.isActiveOn(monday.plusDays(offset))) {
                active++;
            }
        }
        return active;
    }

    /**
     * The {@code timesPerWeek} part of a whole week's expectation alone: ceil(sum of n over its
     * active {@code timesPerWeek} days / 7), 0 when no day of the week is under such a schedule.
     * Days under a fixed schedule (daily, days of week, once) are left out.
     */
    public static int flexibleInWeek(AssignmentRecord assignment, IsoWeek week) {
        return tally(assignment, week.monday(), DAYS_PER_WEEK).flexibleRoundedUp();
    }

    private static int count(AssignmentRecord assignment, LocalDate monday, int dayCount) {
        Tally tally = tally(assignment, monday, dayCount);
        return tally.fixed() + (dayCount == DAYS_PER_WEEK ? tally.flexibleRoundedUp() : tally.flexibleRoundedDown());
    }

    /** Fixed occurrences, and the sum of n over active {@code timesPerWeek} days (divided by 7 later). */
    private record Tally(int fixed, int timesPerWeekSevenths) {

        int flexibleRoundedUp() {
            return (timesPerWeekSevenths + DAYS_PER_WEEK - 1) / DAYS_PER_WEEK;
        }

        int flexibleRoundedDown() {
            return timesPerWeekSevenths / DAYS_PER_WEEK;
        }
    }

    private static Tally tally(AssignmentRecord assignment, LocalDate monday, int dayCount) {
        List<RevisionRecord> revisions = assignment.revisions();
        int revisionIndex = -1;
        int wholeOccurrences = 0;
        int timesPerWeekSevenths = 0;
        for (int offset = 0; offset < dayCount; offset++) {
            LocalDate day = monday.plusDays(offset);
            while (revisionIndex + 1 < revisions.size() && !revisions.get(revisionIndex + 1).effective().isAfter(day)) {
                revisionIndex++;
            }
            if (revisionIndex < 0) {
                continue;
            }
            RevisionRecord revision = revisions.get(revisionIndex);
            ScheduleRule schedule = revision.schedule();
            if (revision.status() != RevisionRecord.Status.ACTIVE || !schedule.covers(day)) {
                continue;
            }
            switch (schedule.type()) {
                case TIMES_PER_WEEK -> timesPerWeekSevenths += schedule.timesPerWeek();
                case DAYS_OF_WEEK -> wholeOccurrences += schedule.daysOfWeek().contains(day.getDayOfWeek()) ? 1 : 0;
                case DAILY -> wholeOccurrences++;
                case ONCE -> wholeOccurrences += day.equals(schedule.dueDate()) ? 1 : 0;
            }
        }
        return new Tally(wholeOccurrences, timesPerWeekSevenths);
    }
}
