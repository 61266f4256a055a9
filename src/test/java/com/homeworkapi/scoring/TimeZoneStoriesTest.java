package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client who moves: every week is counted in the zone the client lived in then. */
class TimeZoneStoriesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant CREATED = Instant.parse("2025-06-02T08:00:00Z");

    /** Created in {@code first}, then moved at each of the given moments to the zone that follows it. */
    private static TimeZoneHistory history(ZoneId first, Object... movesAndZones) {
        List<TimeZoneHistory.Change> changes = new ArrayList<>();
        changes.add(new TimeZoneHistory.Change(first, LocalDate.ofInstant(CREATED, first), CREATED));
        for (int i = 0; i < movesAndZones.length; i += 2) {
            Instant moved = (Instant) movesAndZones[i];
            ZoneId zone = (ZoneId) movesAndZones[i + 1];
            changes.add(new TimeZoneHistory.Change(zone, LocalDate.ofInstant(moved, zone), moved));
        }
        return TimeZoneHistory.of(changes);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static IsoWeek week(String text) {
        return IsoWeek.parse(text);
    }

    /** A daily assignment from {@code start} with one completed attempt at {@code localTime} on each of the days, in {@code zone}. */
    private static ClientRecord dailyPractice(TimeZoneHistory zones, LocalDate start, int days, String localTime, ZoneId zone) {
        AssignmentRecord daily = AssignmentRecord.of(UUID.randomUUID(), RevisionRecord.active(start, ScheduleRule.daily()));
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            attempts.add(AttemptRecord.completed(daily.id(), at(start.plusDays(day) + "T" + localTime, zone)));
        }
        return new ClientRecord(zones, List.of(daily), attempts, List.of(), List.of(), List.of());
    }

    private static List<AssignmentWeek> weeksBefore(ClientScoreReport report, IsoWeek week) {
        return report.assignmentWeeks().stream().filter(row -> row.week().compareTo(week) < 0).toList();
    }

    @Test
    void aMoveFromBerlinToAucklandLeavesEveryEarlierWeekAsItWas() {
        // Practice every evening at 22:30 in Berlin: already the next morning in Auckland.
        Instant moved = at("2026-03-25T10:00", BERLIN);
        ClientRecord beforeTheMove = dailyPractice(history(BERLIN), date("2026-03-02"), 23, "22:30", BERLIN);
        ClientRecord afterTheMove = beforeTheMove.withTimeZones(history(BERLIN, moved, AUCKLAND));

        ClientScoreReport before = ClientScoring.score(beforeTheMove, ScoringSettings.DEFAULTS, moved);
        ClientScoreReport after = ClientScoring.score(afterTheMove, ScoringSettings.DEFAULTS, moved.plusSeconds(60));

        assertEquals(weeksBefore(before, week("2026-W13")), weeksBefore(after, week("2026-W13")));
        for (AssignmentWeek row : weeksBefore(after, week("2026-W13"))) {
            assertEquals(1.0, row.compliance(), row.week().toString());
        }
        assertEquals(BERLIN, after.timeZones().zoneOf(week("2026-W12")));
        assertEquals(AUCKLAND, after.timeZones().zoneOf(week("2026-W13")));
        // In Auckland it is Wednesday evening: Monday and Tuesday have ended, and both were done.
        AssignmentWeek current = after.assignmentWeeks().get(after.assignmentWeeks().size() - 1);
        assertEquals(week("2026-W13"), current.week());
        assertEquals(date("2026-03-25"), after.today());
        assertEquals(2, current.expectedSoFar());
        assertEquals(2.0, current.credit());
    }

    @Test
    void aMoveInTheMiddleOfAWeekCountsThatWholeWeekInTheNewZoneFromWhereTheOldWeekEnded() {
        TimeZoneHistory zones = history(BERLIN, at("2026-03-25T10:00", BERLIN), AUCKLAND);

        // The week before keeps its Berlin boundaries.
        assertEquals(week("2026-W12"), zones.weekOf(at("2026-03-22T23:59", BERLIN)));
        assertEquals(date("2026-03-22"), zones.localDate(at("2026-03-22T23:59", BERLIN)));
        // Week 13 begins at midnight in Berlin, where week 12 ended, and counts in Auckland's dates.
        assertEquals(at("2026-03-23T00:00", BERLIN), zones.startOf(week("2026-W13")));
        assertEquals(date("2026-03-23"), zones.localDate(at("2026-03-23T00:30", BERLIN)));
        assertEquals(date("2026-03-24"), zones.localDate(at("2026-03-23T22:30", BERLIN)));
        // It ends at midnight in Auckland.
        assertEquals(week("2026-W13"), zones.weekOf(at("2026-03-29T23:59", AUCKLAND)));
        assertEquals(week("2026-W14"), zones.weekOf(at("2026-03-30T00:00", AUCKLAND)));
        assertEquals(at("2026-03-30T00:00", AUCKLAND), zones.startOf(week("2026-W14")));
        assertEquals(AUCKLAND, zones.current());
    }

    @Test
    void aMoveWestCountsTheFirstHoursOfItsWeekOnTheMondayNotTheSundayBefore() {
        TimeZoneHistory zones = history(AUCKLAND, at("2026-03-25T10:00", BERLIN), BERLIN);

        // Week 12 was Auckland's and ends at midnight there, Sunday noon in Berlin.
        assertEquals(week("2026-W12"), zones.weekOf(at("2026-03-22T11:59", BERLIN)));
        assertEquals(date("2026-03-22"), zones.localDate(at("2026-03-22T11:59", BERLIN)));
        // Sunday afternoon in Berlin is Monday in Auckland: week 13, counted on its Monday.
        assertEquals(week("2026-W13"), zones.weekOf(at("2026-03-22T14:00", BERLIN)));
        assertEquals(date("2026-03-23"), zones.localDate(at("2026-03-22T14:00", BERLIN)));
        assertEquals(week("2026-W14"), zones.weekOf(at("2026-03-30T00:00", BERLIN)));
    }

    @Test
    void aMoveEastAcrossTheTurnOfTheWeekBeginsTheNewWeekAtTheMove() {
        // Sunday 17:00 in Berlin is already Monday 05:00 in Auckland.
        Instant moved = at("2026-03-22T17:00", BERLIN);
        TimeZoneHistory zones = history(BERLIN, moved, AUCKLAND);

        assertEquals(date("2026-03-23"), zones.changes().get(1).effectiveFrom());
        assertEquals(moved, zones.startOf(week("2026-W13")));
        assertEquals(week("2026-W12"), zones.weekOf(at("2026-03-22T16:59", BERLIN)));
        assertEquals(date("2026-03-22"), zones.localDate(at("2026-03-22T16:59", BERLIN)));
        assertEquals(week("2026-W13"), zones.weekOf(moved));
        assertEquals(date("2026-03-23"), zones.localDate(at("2026-03-23T06:00", AUCKLAND)));
    }

    @Test
    void aMoveAcrossTheDaylightSavingChangesOfBothZonesCountsSevenDaysAWeek() {
        // Berlin springs forward on Sunday 29 March, Auckland falls back on Sunday 5 April 2026.
        Instant moved = at("2026-03-31T08:00", BERLIN);
        TimeZoneHistory zones = history(BERLIN, moved, AUCKLAND);
        AssignmentRecord daily = AssignmentRecord.of(UUID.randomUUID(), RevisionRecord.active(date("2026-03-23"), ScheduleRule.daily()));
        List<AttemptRecord> attempts = new ArrayList<>();
        // Every evening at 20:00 where the client was.
        for (LocalDate day = date("2026-03-23"); !day.isAfter(date("2026-04-12")); day = day.plusDays(1)) {
            Instant berlinEvening = at(day + "T20:00", BERLIN);
            attempts.add(AttemptRecord.completed(daily.id(), berlinEvening.isBefore(moved) ? berlinEvening : at(day + "T20:00", AUCKLAND)));
        }
        // Just before and after midnight at the end of Auckland's 25-hour Sunday.
        attempts.add(AttemptRecord.completed(daily.id(), at("2026-04-05T23:30", AUCKLAND)));
        attempts.add(AttemptRecord.completed(daily.id(), at("2026-04-06T00:30", AUCKLAND)));
        ClientRecord client = new ClientRecord(zones, List.of(daily), attempts, List.of(), List.of(), List.of());

        ClientScoreReport report = ClientScoring.score(client, ScoringSettings.DEFAULTS, at("2026-04-13T12:00", AUCKLAND));

        List<Double> credit = report.assignmentWeeks().stream().map(AssignmentWeek::credit).toList();
        List<Integer> expected = report.assignmentWeeks().stream().map(AssignmentWeek::expected).toList();
        // Weeks 13 to 16: seven evenings each, and one of the two midnight attempts on either side of week 14's end.
        assertEquals(List.of(7.0, 8.0, 8.0, 0.0), credit);
        assertEquals(List.of(7, 7, 7, 7), expected);
        assertEquals(BERLIN, zones.zoneOf(week("2026-W13")));
        assertEquals(AUCKLAND, zones.zoneOf(week("2026-W14")));
        assertEquals(week("2026-W14"), zones.weekOf(at("2026-04-05T23:30", AUCKLAND)));
        assertEquals(week("2026-W15"), zones.weekOf(at("2026-04-06T00:30", AUCKLAND)));
    }

    @Test
    void aMoveFromBerlinToNewYorkInIsoWeek53KeepsWeek52AndCountsWeek53InNewYork() {
        // 2026 has 53 ISO weeks: week 53 runs from Monday 28 December to Sunday 3 January 2027.
        TimeZoneHistory zones = history(BERLIN, at("2026-12-30T12:00", BERLIN), NEW_YORK);

        assertEquals(BERLIN, zones.zoneOf(week("2026-W52")));
        assertEquals(NEW_YORK, zones.zoneOf(week("2026-W53")));
        assertEquals(NEW_YORK, zones.zoneOf(week("2027-W01")));
        // Week 52 keeps its Berlin end; week 53 begins there, at 18:00 on Sunday in New York,
        // so Sunday evening in New York, already Monday in Berlin, counts on Monday the 28th.
        assertEquals(week("2026-W52"), zones.weekOf(at("2026-12-27T23:59", BERLIN)));
        assertEquals(week("2026-W53"), zones.weekOf(at("2026-12-27T19:00", NEW_YORK)));
        assertEquals(date("2026-12-28"), zones.localDate(at("2026-12-27T19:00", NEW_YORK)));
        assertEquals(week("2026-W53"), zones.weekOf(at("2027-01-03T23:30", NEW_YORK)));
        assertEquals(week("2027-W01"), zones.weekOf(at("2027-01-04T00:30", NEW_YORK)));
    }

    @Test
    void twoMovesInOneWeekCountItInTheLastZoneAndTheZoneInBetweenGovernsNoWeek() {
        TimeZoneHistory zones = history(BERLIN, at("2026-03-24T10:00", BERLIN), AUCKLAND,
                at("2026-03-26T10:00", BERLIN), NEW_YORK);

        assertEquals(BERLIN, zones.zoneOf(week("2026-W12")));
        assertEquals(NEW_YORK, zones.zoneOf(week("2026-W13")));
        assertEquals(NEW_YORK, zones.current());
    }

    @Test
    void aMoveBackWithinHoursCountsTheCurrentWeekInTheCurrentZone() {
        // Monday 05:00 in Auckland, then an hour later back to Berlin, where it is still Sunday.
        TimeZoneHistory zones = history(BERLIN, at("2026-03-22T17:00", BERLIN), AUCKLAND,
                at("2026-03-22T18:00", BERLIN), BERLIN);

        assertEquals(BERLIN, zones.zoneOf(week("2026-W12")));
        assertEquals(BERLIN, zones.zoneOf(week("2026-W13")));
        assertEquals(week("2026-W12"), zones.weekOf(at("2026-03-22T18:30", BERLIN)));
        assertEquals(date("2026-03-22"), zones.localDate(at("2026-03-22T18:30", BERLIN)));
    }

    @Test
    void aChangeTakesEffectOnTheDateItWasMadeInItsZone() {
        Instant moved = at("2026-03-25T10:00", BERLIN);
        TimeZoneHistory.Change created = new TimeZoneHistory.Change(BERLIN, date("2025-06-02"), CREATED);
        TimeZoneHistory.Change backdated = new TimeZoneHistory.Change(AUCKLAND, date("2026-03-01"), moved);

        assertThrows(IllegalArgumentException.class, () -> TimeZoneHistory.of(List.of(created, backdated)));
        assertThrows(IllegalArgumentException.class, () -> TimeZoneHistory.of(List.of()));
    }

    @Test
    void aClientThatNeverMovedIsCountedInItsOneZoneAtAnyTime() {
        TimeZoneHistory zones = TimeZoneHistory.of(BERLIN);
        Instant longAgo = LocalDateTime.parse("1950-01-01T23:30").atZone(BERLIN).toInstant();

        assertEquals(date("1950-01-01"), zones.localDate(longAgo));
        assertEquals(BERLIN, zones.zoneOf(IsoWeek.containing(date("1950-01-01"))));
        assertEquals(List.of(BERLIN), zones.changes().stream().map(TimeZoneHistory.Change::zone).toList());
    }
}
