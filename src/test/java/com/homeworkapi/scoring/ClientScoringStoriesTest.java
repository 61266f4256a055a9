package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.at;
import static com.homeworkapi.scoring.Fixtures.phq9;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whole-client scoring from raw records: steps (a), (b) and (c) together. */
class ClientScoringStoriesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ClientScoreReport score(ClientRecord client, Instant now) {
        return ClientScoring.score(client, ScoringSettings.DEFAULTS, now);
    }

    private static AssignmentWeek row(ClientScoreReport report, UUID assignmentId, IsoWeek week) {
        return report.assignmentWeeks().stream()
                .filter(row -> row.assignmentId().equals(assignmentId) && row.week().equals(week))
                .findFirst().orElseThrow();
    }

    @Test
    void aPartialWeekDuringTheSpringDstChangeInNewYorkIsScoredOnLocalDays() {
        // Clocks go forward on Sunday 9 March 2025. The assignment starts on Wednesday 5 March.
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(LocalDate.of(2025, 3, 5), ScheduleRule.daily()));
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int day = 5; day <= 9; day++) {
            attempts.add(AttemptRecord.completed(daily.id(), at("2025-03-0" + day + "T23:30", NEW_YORK)));
        }
        ClientRecord client = ClientRecord.of(NEW_YORK, List.of(daily), attempts);

        ClientScoreReport report = score(client, at("2025-03-12T12:00", NEW_YORK));

        AssignmentWeek dstWeek = row(report, daily.id(), IsoWeek.parse("2025-W10"));
        assertEquals(5, dstWeek.expected());
        assertEquals(5.0, dstWeek.credit());
        assertEquals(1.0, dstWeek.compliance());
        // Sunday 23:30 in New York is already Monday in UTC; it must not leak into the next week.
        assertEquals(0.0, row(report, daily.id(), IsoWeek.parse("2025-W11")).credit());
    }

    @Test
    void aPartialWeekDuringTheAutumnDstChangeInBerlinIsScoredOnLocalDays() {
        // Clocks go back on Sunday 26 October 2025. Three times a week from Thursday 23 October.
        AssignmentRecord threeTimes = Fixtures.assignment(RevisionRecord.active(LocalDate.of(2025, 10, 23), ScheduleRule.timesPerWeek(3)));
        Instant sundayNight = at("2025-10-26T23:30", BERLIN);
        Instant mondayJustAfterMidnight = at("2025-10-27T00:30", BERLIN);
        ClientRecord client = ClientRecord.of(BERLIN, List.of(threeTimes),
                List.of(AttemptRecord.completed(threeTimes.id(), sundayNight), AttemptRecord.completed(threeTimes.id(), mondayJustAfterMidnight)));

        ClientScoreReport report = score(client, at("2025-11-05T09:00", BERLIN));

        AssignmentWeek dstWeek = row(report, threeTimes.id(), IsoWeek.parse("2025-W43"));
        assertEquals(2, dstWeek.expected());
        assertEquals(1.0, dstWeek.credit());
        assertEquals(0.5, dstWeek.compliance());
        // 00:30 local on Monday is 23:30 UTC on Sunday, yet it belongs to the client's Monday.
        assertEquals(1.0, row(report, threeTimes.id(), IsoWeek.parse("2025-W44")).credit());
    }

    @Test
    void anAttemptLoggedLateCountsInTheWeekItOccurred() {
        LocalDate monday = LocalDate.of(2026, 2, 2);
        AssignmentRecord twice = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.timesPerWeek(2)));
        List<AttemptRecord> onTime = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            onTime.add(AttemptRecord.completed(twice.id(), at(monday.plusWeeks(week).plusDays(1) + "T19:00", BERLIN)));
        }
        Instant now = at(monday.plusWeeks(4).plusDays(2) + "T10:00", BERLIN);
        ClientScoreReport before = score(ClientRecord.of(BERLIN, List.of(twice), onTime), now);

        List<AttemptRecord> withLateSync = new ArrayList<>(onTime);
        // Done offline in the second week, synced only now.
        withLateSync.add(AttemptRecord.completed(twice.id(), at(monday.plusWeeks(1).plusDays(4) + "T07:15", BERLIN)));
        ClientScoreReport after = score(ClientRecord.of(BERLIN, List.of(twice), withLateSync), now);

        IsoWeek secondWeek = IsoWeek.containing(monday.plusWeeks(1));
        assertEquals(0.5, before.status().week(secondWeek).compliance());
        assertEquals(1.0, after.status().week(secondWeek).compliance());
        IsoWeek currentWeek = IsoWeek.containing(monday.plusWeeks(4));
        assertEquals(before.status().week(currentWeek), after.status().week(currentWeek));
        assertEquals(now, after.computedAt());
    }

    @Test
    void clientWeekComplianceWeighsEveryExpectedOccurrenceTheSame() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.daily()));
        AssignmentRecord once = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.once(monday.plusDays(4))));
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            attempts.add(AttemptRecord.completed(daily.id(), at(monday.plusDays(day) + "T08:00", BERLIN)));
        }
        attempts.add(AttemptRecord.completed(daily.id(), at(monday.plusDays(6) + "T20:00", BERLIN)));

        ClientScoreReport report = score(ClientRecord.of(BERLIN, List.of(daily, once), attempts), at("2026-03-10T12:00", BERLIN));

        WeekAssessment week = report.status().week(IsoWeek.containing(monday));
        // 7 of 8 occurrences, not the mean of 1.0 and 0.0; the eighth daily attempt is extra, not compliance.
        assertEquals(8, week.expected());
        assertEquals(7.0 / 8, week.compliance(), 1e-12);
        assertEquals(1.0, week.extraPractice());
        assertEquals(Band.MET, week.band());
        AssignmentWeek dailyRow = row(report, daily.id(), IsoWeek.containing(monday));
        assertEquals(1.0, dailyRow.compliance());
        assertEquals(1.0, dailyRow.extraPractice());
        assertNull(row(report, once.id(), IsoWeek.containing(monday.plusWeeks(1))).compliance());
    }

    @Test
    void partialAttemptsEarnTheirFractionOrHalfWhenNoneWasGivenAndSkipsEarnNothing() {
        UUID id = UUID.randomUUID();
        Instant moment = Instant.parse("2026-03-03T10:00:00Z");

        assertEquals(1.0, AttemptRecord.completed(id, moment).credit());
        assertEquals(0.25, AttemptRecord.partial(id, moment, 0.25).credit());
        assertEquals(0.5, AttemptRecord.partial(id, moment, null).credit());
        assertEquals(0.0, AttemptRecord.skipped(id, moment).credit());
    }

    @Test
    void qualityIsReportedPerRaterIncludingClinicianReviewsAndAsTheMeanOfBoth() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.daily()));
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(daily.id(), at("2026-03-02T08:00", BERLIN)).withQuality(2, QualityRater.CLIENT),
                AttemptRecord.completed(daily.id(), at("2026-03-03T08:00", BERLIN)).withQuality(4, QualityRater.CLIENT),
                AttemptRecord.completed(daily.id(), at("2026-03-04T08:00", BERLIN)).withQuality(1, QualityRater.CLINICIAN));
        ClientRecord client = ClientRecord.of(BERLIN, List.of(daily), attempts)
                .withReviews(List.of(new ClinicianReview(monday, daily.id(), 3)));

        WeekQuality quality = score(client, at("2026-03-10T12:00", BERLIN)).status().week(IsoWeek.containing(monday)).quality();

        assertEquals(3.0, quality.client());
        assertEquals(2.0, quality.clinician());
        assertEquals(2.5, quality.combined());
        assertEquals(2, quality.clientRatings());
        assertEquals(2, quality.clinicianRatings());
    }

    @Test
    void theCurrentWeekIsComparedWithWhatWasExpectedSoFar() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(monday.minusWeeks(2), ScheduleRule.daily()));
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int day = -14; day < 2; day++) {
            attempts.add(AttemptRecord.completed(daily.id(), at(monday.plusDays(day) + "T08:00", BERLIN)));
        }

        ClientScoreReport report = score(ClientRecord.of(BERLIN, List.of(daily), attempts), at("2026-03-05T12:00", BERLIN));

        WeekAssessment current = report.status().weeks().get(report.status().weeks().size() - 1);
        assertTrue(current.inProgress());
        assertEquals(3, current.expected());
        assertEquals(7, current.expectedWholeWeek());
        assertEquals(2.0 / 3, current.compliance(), 1e-12);
        assertFalse(current.setback());
        assertEquals(ClinicalStatus.ON_TRACK, report.status().status());
    }

    @Test
    void theSummaryTellsLastWeeksSlipAlongsideTheGainsKept() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.daily()));
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            attempts.add(AttemptRecord.completed(daily.id(), at(monday.plusDays(day) + "T08:00", BERLIN)));
        }
        List<SymptomScore> scores = List.of(phq9(20, monday), phq9(10, monday.plusWeeks(1)), phq9(12, monday.plusWeeks(2).plusDays(3)));
        ClientRecord client = ClientRecord.of(BERLIN, List.of(daily), attempts).withMeasurements(scores);

        ClientScoreReport report = score(client, at("2026-03-23T00:30", BERLIN));

        assertEquals(ClinicalStatus.SLIP, report.status().status());
        assertEquals("Last week was a slip; you have kept 80% of your gains since March.", report.summary());
        assertFalse(report.summary().matches(".*[A-Z][a-z]+ [A-Z][a-z]+.*"), "no names in the summary");
    }

    @Test
    void theSummaryOfAnEndedWeekSpeaksOfThisWeek() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        List<SymptomScore> scores = List.of(phq9(20, monday), phq9(10, monday.plusWeeks(1)), phq9(12, monday.plusWeeks(2)));
        ClientStatusReport report = Fixtures.classify(Fixtures.weeks(IsoWeek.containing(monday), 1.0, 1.0, 0.2), scores);

        assertEquals("This week was a slip; you have kept 80% of your gains since March.", ProgressSummary.forClient(report));
    }

    @Test
    void theSummaryWhileAWeekIsUnderWaySpeaksOfLastWeek() {
        ClientStatusReport report = Fixtures.classify(Fixtures.weeksEndingInProgress(IsoWeek.parse("2026-W10"), 1.0, 1.0, 0.0, 0.5));

        assertEquals("Last week was a slip.", ProgressSummary.forClient(report));
    }

    @Test
    void practiceProgressComparesTheFirstAssignmentsWithTheCurrentOnes() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        UUID lift = UUID.randomUUID();
        UUID handrail = UUID.randomUUID();
        AssignmentRecord firstExposure = new AssignmentRecord(lift, List.of(RevisionRecord.active(monday, ScheduleRule.timesPerWeek(3))), 30, "exposure");
        AssignmentRecord harderExposure = new AssignmentRecord(handrail,
                List.of(RevisionRecord.active(monday.plusWeeks(2), ScheduleRule.timesPerWeek(3))), 70, "exposure");
        AssignmentRecord thoughtRecord = new AssignmentRecord(UUID.randomUUID(),
                List.of(RevisionRecord.active(monday.plusWeeks(2), ScheduleRule.daily())), null, "thought_record");
        List<AttemptRecord> attempts = List.of(
                AttemptRecord.completed(lift, at("2026-03-03T18:00", BERLIN)).withSuds(40, 80, 50),
                AttemptRecord.completed(lift, at("2026-03-10T18:00", BERLIN)).withSuds(35, 70, 30),
                AttemptRecord.completed(lift, at("2026-03-17T18:00", BERLIN)).withSuds(30, 55, 35),
                AttemptRecord.completed(handrail, at("2026-03-18T18:00", BERLIN)).withSuds(50, 85, null));
        ClientRecord client = ClientRecord.of(BERLIN, List.of(firstExposure, harderExposure, thoughtRecord), attempts);

        PracticeProgress practice = score(client, at("2026-03-19T12:00", BERLIN)).practice();

        assertEquals(1, practice.first().count());
        assertEquals(30.0, practice.first().meanDifficulty());
        assertEquals(3, practice.current().count());
        assertEquals(50.0, practice.current().meanDifficulty());
        assertEquals(2, practice.current().countByKind().get("exposure"));
        assertEquals(1, practice.exposures().size());
        PracticeProgress.ExposureSeries series = practice.exposures().get(0);
        assertEquals(lift, series.assignmentId());
        assertEquals(80, series.firstPeakSuds());
        assertEquals(55, series.latestPeakSuds());
        assertEquals(-25, series.peakChange());
        assertEquals(30, series.firstHabituation());
        assertEquals(20, series.latestHabituation());
        assertEquals(-10, series.habituationChange());
        assertEquals(PracticeProgress.RULE, practice.evidence().rule());
    }

    @Test
    void practiceProgressWithoutAssignmentsSaysSoRatherThanNamingNoWeek() {
        PracticeProgress practice = score(ClientRecord.of(BERLIN, List.of(), List.of()), at("2026-03-18T12:00", BERLIN)).practice();

        assertEquals("no assignment has been active yet", practice.evidence().explanation());
        assertTrue(practice.evidence().weeks().isEmpty());
    }

    @Test
    void practiceProgressNamesTheFirstAndTheCurrentWeekOnceWhenTheyAreTheSame() {
        LocalDate monday = LocalDate.of(2026, 3, 16);
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(monday, ScheduleRule.daily()));

        PracticeProgress practice = score(ClientRecord.of(BERLIN, List.of(daily), List.of()), at("2026-03-18T12:00", BERLIN)).practice();

        assertEquals("1 assignment(s) in 2026-W12, the first and latest week with any; 0 repeated exposure(s)",
                practice.evidence().explanation());
        assertEquals(List.of(IsoWeek.parse("2026-W12")), practice.evidence().weeks());
    }

    @Test
    void aClockCanBePassedInsteadOfAnInstant() {
        AssignmentRecord daily = Fixtures.assignment(RevisionRecord.active(LocalDate.of(2026, 3, 2), ScheduleRule.daily()));
        ClientRecord client = ClientRecord.of(BERLIN, List.of(daily), List.of());
        Instant now = at("2026-03-18T12:00", BERLIN);

        ClientScoreReport viaClock = ClientScoring.score(client, ScoringSettings.DEFAULTS, Clock.fixed(now, ZoneOffset.UTC));

        assertEquals(score(client, now), viaClock);
        assertEquals(ClinicalStatus.NOT_ESTABLISHED, viaClock.status().status());
    }
}
