package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.assignment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected occurrences per ISO week, step (a). */
class ScheduleStoriesTest {

    // Monday 5 January 2026 starts 2026-W02.
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final IsoWeek W02 = IsoWeek.containing(MONDAY);

    @Test
    void threeTimesAWeekStartingOnThursdayIsProratedToTwoThatWeek() {
        AssignmentRecord threeTimes = assignment(RevisionRecord.active(MONDAY.plusDays(3), ScheduleRule.timesPerWeek(3)));

        // ceil(3 * 4 active days / 7) = 2, then the full 3.
        assertArrayEquals(new int[] {2, 3}, ExpectedOccurrences.perWeek(threeTimes, W02, 2));
    }

    @Test
    void aRevisionFromThreeToFiveTimesAWeekChangesOnlyTheWeeksAfterIt() {
        AssignmentRecord revised = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(3)),
                RevisionRecord.active(MONDAY.plusWeeks(2), ScheduleRule.timesPerWeek(5)));

        assertArrayEquals(new int[] {3, 3, 5, 5}, ExpectedOccurrences.perWeek(revised, W02, 4));
    }

    @Test
    void aRevisionTakingEffectMidWeekSplitsThatWeekByDays() {
        AssignmentRecord revised = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(3)),
                RevisionRecord.active(MONDAY.plusDays(3), ScheduleRule.timesPerWeek(5)));

        // (3 * 3 days + 5 * 4 days) / 7 = 29/7, rounded up to 5; the week before is untouched.
        assertArrayEquals(new int[] {5, 5}, ExpectedOccurrences.perWeek(revised, W02, 2));
        AssignmentRecord revisedNextWeek = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(3)),
                RevisionRecord.active(MONDAY.plusDays(10), ScheduleRule.timesPerWeek(5)));
        assertArrayEquals(new int[] {3, 5, 5}, ExpectedOccurrences.perWeek(revisedNextWeek, W02, 3));
    }

    @Test
    void daysOfWeekCountOnlyTheNamedDaysThatAreActive() {
        AssignmentRecord mondayWednesdayFriday = assignment(RevisionRecord.active(MONDAY.plusDays(1),
                ScheduleRule.daysOfWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))));

        assertArrayEquals(new int[] {2, 3}, ExpectedOccurrences.perWeek(mondayWednesdayFriday, W02, 2));
    }

    @Test
    void dailyCountsEveryActiveDayBetweenStartAndEndDates() {
        AssignmentRecord daily = assignment(RevisionRecord.active(MONDAY.minusWeeks(1),
                ScheduleRule.daily().between(MONDAY.plusDays(2), MONDAY.plusDays(9))));

        assertArrayEquals(new int[] {0, 5, 3, 0}, ExpectedOccurrences.perWeek(daily, W02.plusWeeks(-1), 4));
    }

    @Test
    void anEndDateMidWeekProratesATimesPerWeekTarget() {
        AssignmentRecord ending = assignment(RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(4).between(null, MONDAY.plusDays(8))));

        // Second week: 2 active days, ceil(4 * 2 / 7) = 2.
        assertArrayEquals(new int[] {4, 2, 0}, ExpectedOccurrences.perWeek(ending, W02, 3));
    }

    @Test
    void daysOnPauseAreNotExpected() {
        ScheduleRule daily = ScheduleRule.daily();
        AssignmentRecord paused = assignment(
                RevisionRecord.active(MONDAY, daily),
                new RevisionRecord(MONDAY.plusDays(2), RevisionRecord.Status.PAUSED, daily),
                RevisionRecord.active(MONDAY.plusDays(9), daily));

        assertArrayEquals(new int[] {2, 5, 7}, ExpectedOccurrences.perWeek(paused, W02, 3));
    }

    @Test
    void aCompletedOrCancelledAssignmentExpectsNothingMore() {
        ScheduleRule twice = ScheduleRule.timesPerWeek(2);
        AssignmentRecord completed = assignment(RevisionRecord.active(MONDAY, twice),
                new RevisionRecord(MONDAY.plusWeeks(1), RevisionRecord.Status.COMPLETED, twice));
        AssignmentRecord cancelled = assignment(RevisionRecord.active(MONDAY, twice),
                new RevisionRecord(MONDAY.plusWeeks(1), RevisionRecord.Status.CANCELLED, twice));

        assertArrayEquals(new int[] {2, 0}, ExpectedOccurrences.perWeek(completed, W02, 2));
        assertArrayEquals(new int[] {2, 0}, ExpectedOccurrences.perWeek(cancelled, W02, 2));
    }

    @Test
    void onceWithADueDateIsExpectedOnlyInTheWeekThatHoldsTheDueDate() {
        AssignmentRecord once = assignment(RevisionRecord.active(MONDAY, ScheduleRule.once(MONDAY.plusDays(10))));

        assertArrayEquals(new int[] {0, 1, 0}, ExpectedOccurrences.perWeek(once, W02, 3));
    }

    @Test
    void onceDueOnAPausedDayIsNotExpected() {
        ScheduleRule once = ScheduleRule.once(MONDAY.plusDays(3));
        AssignmentRecord paused = assignment(RevisionRecord.active(MONDAY, once),
                new RevisionRecord(MONDAY.plusDays(2), RevisionRecord.Status.PAUSED, once));

        assertEquals(0, ExpectedOccurrences.inWeek(paused, W02));
    }

    @Test
    void isoWeek53Of2026RunsFromTwentyEighthDecemberToThirdJanuary() {
        IsoWeek week53 = IsoWeek.parse("2026-W53");

        assertEquals(LocalDate.of(2026, 12, 28), week53.monday());
        assertEquals(LocalDate.of(2027, 1, 3), week53.sunday());
        assertEquals(IsoWeek.parse("2027-W01"), week53.next());
        assertEquals(week53, IsoWeek.containing(LocalDate.of(2027, 1, 1)));
        assertEquals("2026-W53", week53.toString());
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(2025, 53));
    }

    @Test
    void aDailyAssignmentAcrossYearEndExpectsSevenInWeek53() {
        AssignmentRecord daily = assignment(RevisionRecord.active(LocalDate.of(2026, 12, 21), ScheduleRule.daily()));

        assertArrayEquals(new int[] {7, 7, 7}, ExpectedOccurrences.perWeek(daily, IsoWeek.parse("2026-W52"), 3));
    }

    @Test
    void aWeekWhoseMondayIsInDecemberCanBelongToTheNextYear() {
        // 29 December 2025 is the Monday of 2026-W01.
        assertEquals(IsoWeek.parse("2026-W01"), IsoWeek.containing(LocalDate.of(2025, 12, 29)));
        assertEquals(52, IsoWeek.weeksInYear(2025));
        assertEquals(53, IsoWeek.weeksInYear(2026));
    }

    @Test
    void expectedSoFarCountsOnlyDaysThatHaveEnded() {
        AssignmentRecord daily = assignment(RevisionRecord.active(MONDAY, ScheduleRule.daily()));
        AssignmentRecord fiveTimes = assignment(RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(5)));
        LocalDate thursday = MONDAY.plusDays(3);

        assertEquals(3, ExpectedOccurrences.inWeekSoFar(daily, W02, thursday));
        // floor(5 * 3 / 7) = 2 while the week runs.
        assertEquals(2, ExpectedOccurrences.inWeekSoFar(fiveTimes, W02, thursday));
        assertEquals(0, ExpectedOccurrences.inWeekSoFar(daily, W02, MONDAY));
        assertEquals(5, ExpectedOccurrences.inWeekSoFar(fiveTimes, W02, MONDAY.plusWeeks(1)));
    }

    @Test
    void schedulesRejectMissingEssentials() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleRule.timesPerWeek(0));
        assertThrows(IllegalArgumentException.class, () -> ScheduleRule.daysOfWeek(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> ScheduleRule.once(null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleRule.daily().between(MONDAY, MONDAY.minusDays(1)));
    }
}
