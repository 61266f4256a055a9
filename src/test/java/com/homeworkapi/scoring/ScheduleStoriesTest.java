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
        Assignment threeTimes = assignment(AssignmentRevision.active(MONDAY.plusDays(3), Schedule.timesPerWeek(3)));

        // ceil(3 * 4 active days / 7) = 2, then the full 3.
        assertArrayEquals(new int[] {2, 3}, ExpectedOccurrences.perWeek(threeTimes, W02, 2));
    }

    @Test
    void aRevisionFromThreeToFiveTimesAWeekChangesOnlyTheWeeksAfterIt() {
        Assignment revised = assignment(
                AssignmentRevision.active(MONDAY, Schedule.timesPerWeek(3)),
                AssignmentRevision.active(MONDAY.plusWeeks(2), Schedule.timesPerWeek(5)));

        assertArrayEquals(new int[] {3, 3, 5, 5}, ExpectedOccurrences.perWeek(revised, W02, 4));
    }

    @Test
    void aRevisionTakingEffectMidWeekSplitsThatWeekByDays() {
        Assignment revised = assignment(
                AssignmentRevision.active(MONDAY, Schedule.timesPerWeek(3)),
                AssignmentRevision.active(MONDAY.plusDays(3), Schedule.timesPerWeek(5)));

        // (3 * 3 days + 5 * 4 days) / 7 = 29/7, rounded up to 5; the week before is untouched.
        assertArrayEquals(new int[] {5, 5}, ExpectedOccurrences.perWeek(revised, W02, 2));
        Assignment revisedNextWeek = assignment(
                AssignmentRevision.active(MONDAY, Schedule.timesPerWeek(3)),
                AssignmentRevision.active(MONDAY.plusDays(10), Schedule.timesPerWeek(5)));
        assertArrayEquals(new int[] {3, 5, 5}, ExpectedOccurrences.perWeek(revisedNextWeek, W02, 3));
    }

    @Test
    void daysOfWeekCountOnlyTheNamedDaysThatAreActive() {
        Assignment mondayWednesdayFriday = assignment(AssignmentRevision.active(MONDAY.plusDays(1),
                Schedule.daysOfWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))));

        assertArrayEquals(new int[] {2, 3}, ExpectedOccurrences.perWeek(mondayWednesdayFriday, W02, 2));
    }

    @Test
    void dailyCountsEveryActiveDayBetweenStartAndEndDates() {
        Assignment daily = assignment(AssignmentRevision.active(MONDAY.minusWeeks(1),
                Schedule.daily().between(MONDAY.plusDays(2), MONDAY.plusDays(9))));

        assertArrayEquals(new int[] {0, 5, 3, 0}, ExpectedOccurrences.perWeek(daily, W02.plusWeeks(-1), 4));
    }

    @Test
    void anEndDateMidWeekProratesATimesPerWeekTarget() {
        Assignment ending = assignment(AssignmentRevision.active(MONDAY, Schedule.timesPerWeek(4).between(null, MONDAY.plusDays(8))));

        // Second week: 2 active days, ceil(4 * 2 / 7) = 2.
        assertArrayEquals(new int[] {4, 2, 0}, ExpectedOccurrences.perWeek(ending, W02, 3));
    }

    @Test
    void daysOnPauseAreNotExpected() {
        Schedule daily = Schedule.daily();
        Assignment paused = assignment(
                AssignmentRevision.active(MONDAY, daily),
                new AssignmentRevision(MONDAY.plusDays(2), AssignmentRevision.Status.PAUSED, daily),
                AssignmentRevision.active(MONDAY.plusDays(9), daily));

        assertArrayEquals(new int[] {2, 5, 7}, ExpectedOccurrences.perWeek(paused, W02, 3));
    }

    @Test
    void aCompletedOrCancelledAssignmentExpectsNothingMore() {
        Schedule twice = Schedule.timesPerWeek(2);
        Assignment completed = assignment(AssignmentRevision.active(MONDAY, twice),
                new AssignmentRevision(MONDAY.plusWeeks(1), AssignmentRevision.Status.COMPLETED, twice));
        Assignment cancelled = assignment(AssignmentRevision.active(MONDAY, twice),
                new AssignmentRevision(MONDAY.plusWeeks(1), AssignmentRevision.Status.CANCELLED, twice));

        assertArrayEquals(new int[] {2, 0}, ExpectedOccurrences.perWeek(completed, W02, 2));
        assertArrayEquals(new int[] {2, 0}, ExpectedOccurrences.perWeek(cancelled, W02, 2));
    }

    @Test
    void onceWithADueDateIsExpectedOnlyInTheWeekThatHoldsTheDueDate() {
        Assignment once = assignment(AssignmentRevision.active(MONDAY, Schedule.once(MONDAY.plusDays(10))));

        assertArrayEquals(new int[] {0, 1, 0}, ExpectedOccurrences.perWeek(once, W02, 3));
    }

    @Test
    void onceDueOnAPausedDayIsNotExpected() {
        Schedule once = Schedule.once(MONDAY.plusDays(3));
        Assignment paused = assignment(AssignmentRevision.active(MONDAY, once),
                new AssignmentRevision(MONDAY.plusDays(2), AssignmentRevision.Status.PAUSED, once));

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
        Assignment daily = assignment(AssignmentRevision.active(LocalDate.of(2026, 12, 21), Schedule.daily()));

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
        Assignment daily = assignment(AssignmentRevision.active(MONDAY, Schedule.daily()));
        Assignment fiveTimes = assignment(AssignmentRevision.active(MONDAY, Schedule.timesPerWeek(5)));
        LocalDate thursday = MONDAY.plusDays(3);

        assertEquals(3, ExpectedOccurrences.inWeekSoFar(daily, W02, thursday));
        // floor(5 * 3 / 7) = 2 while the week runs.
        assertEquals(2, ExpectedOccurrences.inWeekSoFar(fiveTimes, W02, thursday));
        assertEquals(0, ExpectedOccurrences.inWeekSoFar(daily, W02, MONDAY));
        assertEquals(5, ExpectedOccurrences.inWeekSoFar(fiveTimes, W02, MONDAY.plusWeeks(1)));
    }

    @Test
    void schedulesRejectMissingEssentials() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.timesPerWeek(0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.daysOfWeek(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> Schedule.once(null));
        assertThrows(IllegalArgumentException.class, () -> Schedule.daily().between(MONDAY, MONDAY.minusDays(1)));
    }
}
