package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.assignment;
import static com.homeworkapi.scoring.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Occurrences on the client's local dates, for reminders ahead: fixed days and weekly targets. */
class OccurrenceStoriesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Monday 2 March 2026 starts 2026-W10.
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0}, DST change on {1}")
    @CsvSource({
        "Europe/Berlin, 2026-03-29",
        "America/New_York, 2026-03-08",
        "Europe/Berlin, 2026-10-25",
        "America/New_York, 2026-11-01"})
    void aDailyAssignmentHasEveryLocalDateOfADstWeekExactlyOnce(String zoneName, LocalDate changeDay) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDate monday = changeDay.with(DayOfWeek.MONDAY);
        AssignmentRecord daily = assignment(RevisionRecord.active(monday.minusWeeks(1), ScheduleRule.daily()));
        // The hour that is skipped or repeated, and either end of the day of the change.
        ZonedDateTime justAfterMidnight = changeDay.atTime(0, 30).atZone(zone);
        ZonedDateTime inTheChangingHour = changeDay.atTime(2, 30).atZone(zone);
        ZonedDateTime lateEvening = changeDay.atTime(23, 30).atZone(zone);
        ZonedDateTime saturdayLate = changeDay.minusDays(1).atTime(23, 59, 59).atZone(zone);
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(daily.id(), justAfterMidnight.toInstant()),
                AttemptRecord.completed(daily.id(), inTheChangingHour.withLaterOffsetAtOverlap().toInstant()),
                AttemptRecord.completed(daily.id(), lateEvening.toInstant()),
                AttemptRecord.partial(daily.id(), saturdayLate.toInstant(), 0.5));

        Occurrences.Calendar calendar = Occurrences.between(List.of(daily), attempts, zone, monday.minusDays(3),
                monday.plusDays(9));

        List<LocalDate> dates = calendar.fixed().stream().map(Occurrences.Fixed::date).toList();
        assertEquals(monday.minusDays(3).datesUntil(monday.plusDays(10)).toList(), dates);
        Map<LocalDate, Occurrences.Fixed> byDate = byDate(calendar);
        assertAll(
                () -> assertEquals(3.0, byDate.get(changeDay).credit()),
                () -> assertEquals(0.5, byDate.get(changeDay.minusDays(1)).credit()),
                () -> assertEquals(true, byDate.get(changeDay.minusDays(1)).done()),
                () -> assertEquals(false, byDate.get(changeDay.plusDays(1)).done()),
                () -> assertEquals(Set.of(changeDay, changeDay.minusDays(1)), calendar.fixed().stream()
                        .filter(Occurrences.Fixed::done).map(Occurrences.Fixed::date).collect(Collectors.toSet())));
    }

    @Test
    void theRepeatedAutumnHourCountsBothTimesOnTheSameLocalDate() {
        LocalDate changeDay = LocalDate.of(2026, 10, 25);
        AssignmentRecord daily = assignment(RevisionRecord.active(changeDay.minusDays(7), ScheduleRule.daily()));
        ZonedDateTime ambiguous = changeDay.atTime(2, 30).atZone(BERLIN);
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(daily.id(), ambiguous.withEarlierOffsetAtOverlap().toInstant()),
                AttemptRecord.completed(daily.id(), ambiguous.withLaterOffsetAtOverlap().toInstant()));

        Occurrences.Calendar calendar = Occurrences.between(List.of(daily), attempts, BERLIN, changeDay, changeDay);

        assertEquals(List.of(new Occurrences.Fixed(daily.id(), changeDay, ScheduleRule.Type.DAILY, 2.0, true)),
                calendar.fixed());
    }

    @Test
    void daysOfWeekFollowPausesAndRevisionsDayByDay() {
        AssignmentRecord assignment = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.daysOfWeek(
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))),
                // Paused from Wednesday of the second week; resumed a week later (a Wednesday) on Tuesdays and Thursdays.
                new RevisionRecord(MONDAY.plusDays(9), RevisionRecord.Status.PAUSED,
                        ScheduleRule.daysOfWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))),
                RevisionRecord.active(MONDAY.plusDays(16),
                        ScheduleRule.daysOfWeek(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY))));

        Occurrences.Calendar calendar = Occurrences.between(List.of(assignment), List.of(), BERLIN, MONDAY,
                MONDAY.plusDays(20));

        assertEquals(List.of(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(4), MONDAY.plusDays(7),
                MONDAY.plusDays(17)), dates(calendar));
        assertEquals(List.of(), calendar.flexible());
    }

    @Test
    void startAndEndDatesAndCompletionBoundTheOccurrences() {
        AssignmentRecord bounded = assignment(RevisionRecord.active(MONDAY,
                ScheduleRule.daily().between(MONDAY.plusDays(2), MONDAY.plusDays(4))));
        AssignmentRecord completed = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.daily()),
                new RevisionRecord(MONDAY.plusDays(1), RevisionRecord.Status.COMPLETED, ScheduleRule.daily()));
        AssignmentRecord cancelled = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.once(MONDAY.plusDays(5))),
                new RevisionRecord(MONDAY.plusDays(3), RevisionRecord.Status.CANCELLED,
                        ScheduleRule.once(MONDAY.plusDays(5))));

        assertAll(
                () -> assertEquals(List.of(MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4)),
                        dates(Occurrences.between(List.of(bounded), List.of(), BERLIN, MONDAY, MONDAY.plusDays(13)))),
                () -> assertEquals(List.of(MONDAY),
                        dates(Occurrences.between(List.of(completed), List.of(), BERLIN, MONDAY, MONDAY.plusDays(6)))),
                () -> assertEquals(List.of(),
                        dates(Occurrences.between(List.of(cancelled), List.of(), BERLIN, MONDAY, MONDAY.plusDays(6)))));
    }

    @Test
    void aOnceAssignmentFallsOnItsDueDateAndIsDoneByAnAttemptEarlierInThatWeek() {
        LocalDate due = MONDAY.plusDays(10);
        AssignmentRecord once = assignment(RevisionRecord.active(MONDAY, ScheduleRule.once(due)));
        AssignmentRecord onceDoneTooEarly = assignment(RevisionRecord.active(MONDAY, ScheduleRule.once(due)));
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(once.id(), at("2026-03-10T19:00", BERLIN)),
                AttemptRecord.completed(onceDoneTooEarly.id(), at("2026-03-06T19:00", BERLIN)));

        Occurrences.Calendar calendar = Occurrences.between(List.of(once, onceDoneTooEarly), attempts, BERLIN,
                MONDAY, MONDAY.plusDays(20));

        Map<UUID, Occurrences.Fixed> byAssignment = calendar.fixed().stream()
                .collect(Collectors.toMap(Occurrences.Fixed::assignmentId, Function.identity()));
        assertAll(
                () -> assertEquals(2, calendar.fixed().size()),
                () -> assertEquals(due, byAssignment.get(once.id()).date()),
                () -> assertEquals(true, byAssignment.get(once.id()).done()),
                // The week before is not the week compliance credits it in.
                () -> assertEquals(false, byAssignment.get(onceDoneTooEarly.id()).done()));
    }

    @Test
    void timesPerWeekIsOneProratedTargetPerWeekNeverInventedDays() {
        // Starts on Thursday: ceil(3 * 4 / 7) = 2 that week, then 3.
        AssignmentRecord threeTimes = assignment(RevisionRecord.active(MONDAY.plusDays(3), ScheduleRule.timesPerWeek(3)));
        List<AttemptRecord> attempts = List.of(
                // Before the range and the start date, but in the first week: that week's credit counts it.
                AttemptRecord.completed(threeTimes.id(), at("2026-03-03T07:00", BERLIN)),
                AttemptRecord.completed(threeTimes.id(), at("2026-03-05T18:00", BERLIN)),
                AttemptRecord.skipped(threeTimes.id(), at("2026-03-07T09:00", BERLIN)),
                AttemptRecord.partial(threeTimes.id(), at("2026-03-08T22:00", BERLIN), null),
                AttemptRecord.completed(threeTimes.id(), at("2026-03-10T08:00", BERLIN)));

        Occurrences.Calendar calendar = Occurrences.between(List.of(threeTimes), attempts, BERLIN,
                MONDAY.plusDays(2), MONDAY.plusDays(16));

        assertEquals(List.of(), calendar.fixed());
        assertEquals(List.of(
                new Occurrences.Flexible(threeTimes.id(), IsoWeek.containing(MONDAY), 2, 2.5, true),
                new Occurrences.Flexible(threeTimes.id(), IsoWeek.containing(MONDAY.plusWeeks(1)), 3, 1.0, false),
                new Occurrences.Flexible(threeTimes.id(), IsoWeek.containing(MONDAY.plusWeeks(2)), 3, 0.0, false)),
                calendar.flexible());
    }

    @Test
    void aWeeklyTargetIsDoneOnceItsCreditReachesTheExpectationAndAPausedWeekHasNone() {
        AssignmentRecord twice = assignment(
                RevisionRecord.active(MONDAY, ScheduleRule.timesPerWeek(2)),
                new RevisionRecord(MONDAY.plusWeeks(1), RevisionRecord.Status.PAUSED, ScheduleRule.timesPerWeek(2)),
                RevisionRecord.active(MONDAY.plusWeeks(2), ScheduleRule.daily()));
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(twice.id(), at("2026-03-02T18:00", BERLIN)),
                AttemptRecord.completed(twice.id(), at("2026-03-04T18:00", BERLIN)),
                AttemptRecord.completed(twice.id(), at("2026-03-05T18:00", BERLIN)));

        Occurrences.Calendar calendar = Occurrences.between(List.of(twice), attempts, BERLIN, MONDAY,
                MONDAY.plusDays(15));

        assertEquals(List.of(new Occurrences.Flexible(twice.id(), IsoWeek.containing(MONDAY), 2, 3.0, true)),
                calendar.flexible());
        assertEquals(List.of(MONDAY.plusWeeks(2), MONDAY.plusWeeks(2).plusDays(1)), dates(calendar));
    }

    @Test
    void aNewTimeZoneMovesAnAttemptToTheLocalDateOfThatZone() {
        AssignmentRecord daily = assignment(RevisionRecord.active(MONDAY, ScheduleRule.daily()));
        // Wednesday 00:30 in Berlin is Tuesday 15:30 in Los Angeles.
        List<AttemptRecord> attempts = List.of(AttemptRecord.completed(daily.id(), at("2026-03-04T00:30", BERLIN)));
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

        List<LocalDate> doneInBerlin = doneDates(Occurrences.between(List.of(daily), attempts, BERLIN, MONDAY,
                MONDAY.plusDays(6)));
        List<LocalDate> doneInLosAngeles = doneDates(Occurrences.between(List.of(daily), attempts, losAngeles,
                MONDAY, MONDAY.plusDays(6)));

        assertEquals(List.of(LocalDate.of(2026, 3, 4)), doneInBerlin);
        assertEquals(List.of(LocalDate.of(2026, 3, 3)), doneInLosAngeles);
    }

    @Test
    void occurrencesOfSeveralAssignmentsAreOrderedByDateThenAssignment() {
        AssignmentRecord first = assignment(RevisionRecord.active(MONDAY, ScheduleRule.daily()));
        AssignmentRecord second = assignment(RevisionRecord.active(MONDAY, ScheduleRule.daily()));

        Occurrences.Calendar calendar = Occurrences.between(List.of(first, second), List.of(), BERLIN, MONDAY,
                MONDAY.plusDays(1));

        List<UUID> ids = List.of(first.id(), second.id()).stream().sorted().toList();
        assertEquals(List.of(MONDAY, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(1)), dates(calendar));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(0), ids.get(1)),
                calendar.fixed().stream().map(Occurrences.Fixed::assignmentId).toList());
    }

    private static List<LocalDate> dates(Occurrences.Calendar calendar) {
        return calendar.fixed().stream().map(Occurrences.Fixed::date).toList();
    }

    private static List<LocalDate> doneDates(Occurrences.Calendar calendar) {
        return calendar.fixed().stream().filter(Occurrences.Fixed::done).map(Occurrences.Fixed::date).toList();
    }

    private static Map<LocalDate, Occurrences.Fixed> byDate(Occurrences.Calendar calendar) {
        return calendar.fixed().stream().collect(Collectors.toMap(Occurrences.Fixed::date, Function.identity()));
    }
}
