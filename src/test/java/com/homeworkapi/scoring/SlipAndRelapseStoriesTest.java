package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.NOTHING;
import static com.homeworkapi.scoring.Fixtures.classify;
import static com.homeworkapi.scoring.Fixtures.concat;
import static com.homeworkapi.scoring.Fixtures.phq9;
import static com.homeworkapi.scoring.Fixtures.repeat;
import static com.homeworkapi.scoring.Fixtures.weeks;
import static com.homeworkapi.scoring.Fixtures.weeksEndingInProgress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Homework slips, relapses and recoveries as a clinician would tell them. */
class SlipAndRelapseStoriesTest {

    private static final IsoWeek FIRST = IsoWeek.parse("2026-W02");

    private static List<ClinicalStatus> statuses(ClientStatusReport report) {
        return report.weeks().stream().map(WeekAssessment::status).toList();
    }

    @Test
    void eightGoodWeeksThenOneMissedWeekIsASlip() {
        ClientStatusReport report = classify(weeks(FIRST, concat(repeat(1.0, 8), repeat(0.0, 1))));

        assertEquals(ClinicalStatus.SLIP, report.status());
        assertEquals("worsening", report.fhirAchievementStatus());
        Evidence evidence = report.evidence();
        assertEquals(Rules.SETBACK_RUN_BELOW_AT_RISK_WEEKS, evidence.rule());
        assertEquals(List.of(FIRST.plusWeeks(8)), evidence.weeks());
        assertEquals(List.of(0.0), evidence.compliance());
        assertEquals(0.5, evidence.thresholds().get("adequate"));
        assertEquals(4.0, evidence.thresholds().get("relapseWeeks"));
        WeekAssessment missed = report.week(FIRST.plusWeeks(8));
        assertTrue(missed.setback());
        assertEquals(Rules.SETBACK_LOW_COMPLIANCE, missed.setbackReason());
        assertEquals(Band.LOW, missed.band());
    }

    @Test
    void fourMissedWeeksInARowIsARelapse() {
        ClientStatusReport report = classify(weeks(FIRST, concat(repeat(0.9, 4), repeat(0.0, 4))));

        assertEquals(List.of(ClinicalStatus.NOT_ESTABLISHED, ClinicalStatus.ON_TRACK, ClinicalStatus.ON_TRACK, ClinicalStatus.ON_TRACK,
                ClinicalStatus.SLIP, ClinicalStatus.AT_RISK, ClinicalStatus.AT_RISK, ClinicalStatus.RELAPSE), statuses(report));
        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals("in-progress", report.fhirAchievementStatus());
        assertEquals(4, report.setbackWeeks());
        assertEquals(Rules.SETBACK_RUN_REACHES_RELAPSE_WEEKS, report.evidence().rule());
        assertEquals(List.of(FIRST.plusWeeks(4), FIRST.plusWeeks(5), FIRST.plusWeeks(6), FIRST.plusWeeks(7)),
                report.evidence().weeks());
    }

    @Test
    void twoSetbackWeeksInARowPutAClientAtRisk() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.4, 0.3));

        assertEquals(ClinicalStatus.AT_RISK, report.status());
        assertEquals(Rules.SETBACK_RUN_REACHES_AT_RISK_WEEKS, report.evidence().rule());
        assertEquals(List.of(0.4, 0.3), report.evidence().compliance());
    }

    @Test
    void threeMissedWeeksAreStillOnlyAtRiskNotARelapse() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 0.0, 0.0, 0.0));

        assertEquals(ClinicalStatus.AT_RISK, report.status());
    }

    @Test
    void lowWeeksBeforeEngagementAreNotSlips() {
        ClientStatusReport report = classify(weeks(FIRST, 0.2, 0.3, 0.6, 0.1, 0.4));

        assertTrue(report.weeks().stream().allMatch(week -> week.status() == ClinicalStatus.NOT_ESTABLISHED));
        assertEquals(Rules.NOT_ESTABLISHED_BEFORE_ENGAGEMENT, report.evidence().rule());
        assertFalse(report.engaged());
        assertEquals(0, report.setbackWeeks());
        assertTrue(report.episodes().isEmpty());
        assertEquals("in-progress", report.fhirAchievementStatus());
    }

    @Test
    void engagementIsEstablishedByTheSecondAdequateWeekAndOnlyThenDoLowWeeksCount() {
        ClientStatusReport report = classify(weeks(FIRST, 0.2, 0.5, 0.1, 0.8, 0.2));

        assertEquals(List.of(ClinicalStatus.NOT_ESTABLISHED, ClinicalStatus.NOT_ESTABLISHED, ClinicalStatus.NOT_ESTABLISHED,
                ClinicalStatus.ON_TRACK, ClinicalStatus.SLIP), statuses(report));
        assertEquals(Rules.ENGAGEMENT_ESTABLISHED, report.week(FIRST.plusWeeks(3)).evidence().rule());
    }

    @Test
    void aSlipFollowedByAnAdequateWeekIsAResolvedSlipAndTheClientIsRecovering() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0, 0.1, 0.6));

        assertEquals(ClinicalStatus.RECOVERING, report.status());
        assertEquals(0, report.setbackWeeks());
        assertEquals("improving", report.fhirAchievementStatus());
        assertEquals(Rules.BACK_AT_ADEQUATE_AFTER_SETBACK, report.evidence().rule());
        assertEquals(1, report.resolvedSlips().size());
        SetbackEpisode slip = report.resolvedSlips().get(0);
        assertEquals(List.of(FIRST.plusWeeks(4)), slip.weeks());
        assertEquals(FIRST.plusWeeks(5), slip.resolvedWeek());
        assertEquals(Rules.SLIP_RESOLVED, slip.evidence().rule());
    }

    @Test
    void aWeekBackAtMetAfterASlipIsExplainedAsAdequateOrBetter() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.1, 0.9));

        assertEquals(ClinicalStatus.RECOVERING, report.status());
        assertEquals("back at adequate or better for 1 of 2 weeks after a setback", report.evidence().explanation());
    }

    @Test
    void twoAdequateWeeksAfterASlipAreBackOnTrack() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.1, 0.6, 0.9));

        assertEquals(ClinicalStatus.ON_TRACK, report.status());
        assertEquals(Rules.RECOVERED_AFTER_SETBACK, report.evidence().rule());
    }

    @Test
    void aClientBackAtAdequateAfterARelapseIsRecoveringForOneWeek() {
        ClientStatusReport report = classify(weeks(FIRST, concat(repeat(1.0, 3), repeat(0.0, 5), repeat(0.7, 1))));

        assertEquals(ClinicalStatus.RECOVERING, report.status());
        SetbackEpisode relapse = report.episodes().get(0);
        assertEquals(ClinicalStatus.RELAPSE, relapse.worst());
        assertTrue(relapse.resolved());
        assertFalse(relapse.isResolvedSlip());
        assertEquals(5, relapse.weeks().size());
        assertEquals(Rules.SETBACK_EPISODE_RESOLVED, relapse.evidence().rule());
    }

    @Test
    void aRelapseStillUnderWayIsAnOpenEpisode() {
        ClientStatusReport report = classify(weeks(FIRST, concat(repeat(1.0, 3), repeat(0.0, 4))));

        SetbackEpisode open = report.episodes().get(0);
        assertFalse(open.resolved());
        assertEquals(Rules.SETBACK_EPISODE_OPEN, open.evidence().rule());
    }

    @Test
    void aPlannedBreakWithNothingExpectedNeitherBreaksNorExtendsARunOfSetbacks() {
        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.0, 0.0, NOTHING, 0.0, 0.0));

        WeekAssessment onBreak = report.week(FIRST.plusWeeks(5));
        assertEquals(Band.NOTHING_EXPECTED, onBreak.band());
        assertNull(onBreak.compliance());
        assertFalse(onBreak.setback());
        assertEquals(ClinicalStatus.AT_RISK, onBreak.status());
        assertEquals(Rules.NOTHING_EXPECTED_CARRIES_STATUS, onBreak.evidence().rule());
        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals(4, report.evidence().weeks().size());
        assertEquals(4, report.setbackWeeks());
    }

    @Test
    void aLowWeekStillInProgressIsNeverASetback() {
        ClientStatusReport report = classify(weeksEndingInProgress(FIRST, 1.0, 1.0, 1.0, 0.0));

        WeekAssessment current = report.weeks().get(3);
        assertTrue(current.inProgress());
        assertEquals(Band.IN_PROGRESS, current.band());
        assertFalse(current.setback());
        assertEquals(ClinicalStatus.ON_TRACK, report.status());
        assertEquals(Rules.IN_PROGRESS_CARRIES_STATUS, current.evidence().rule());
        // The status is explained by the week that set it, not by the week that carries it on.
        assertEquals(Rules.ON_TRACK_ADEQUATE_WEEK, report.evidence().rule());
        assertEquals(List.of(FIRST.plusWeeks(2)), report.evidence().weeks());
    }

    @Test
    void missingWeeksInPrecomputedRowsCountAsNothingExpected() {
        List<ClientWeek> rows = List.of(ClientWeek.ended(FIRST, 5, 5), ClientWeek.ended(FIRST.plusWeeks(1), 5, 5),
                ClientWeek.ended(FIRST.plusWeeks(4), 5, 0));

        ClientStatusReport report = classify(rows);

        assertEquals(5, report.weeks().size());
        assertEquals(Band.NOTHING_EXPECTED, report.weeks().get(2).band());
        assertEquals(ClinicalStatus.SLIP, report.status());
    }

    @Test
    void aMissedWeekWhileSymptomsAreNoBetterThanBaselineIsAtRiskRatherThanASlip() {
        LocalDate start = FIRST.monday();
        List<SymptomScore> scores = List.of(phq9(15, start), phq9(14, start.plusWeeks(3)));

        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0, 0.0), scores);

        assertEquals(ClinicalStatus.AT_RISK, report.status());
        assertEquals(Rules.SETBACK_WITHOUT_SYMPTOM_GAINS, report.evidence().rule());
        assertTrue(report.evidence().scores().contains(phq9(14, start.plusWeeks(3))));
    }

    @Test
    void aMissedWeekWhileSymptomsAreReliablyBetterIsOnlyASlip() {
        LocalDate start = FIRST.monday();
        List<SymptomScore> scores = List.of(phq9(18, start), phq9(9, start.plusWeeks(3)));

        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0, 0.0), scores);

        assertEquals(ClinicalStatus.SLIP, report.status());
        assertEquals(Rules.SETBACK_RUN_BELOW_AT_RISK_WEEKS, report.evidence().rule());
    }

    @Test
    void aReliableWorseningFromTheBestScoreMakesAnOtherwiseGoodWeekASetback() {
        LocalDate start = FIRST.monday();
        List<SymptomScore> scores = List.of(phq9(22, start), phq9(6, start.plusWeeks(2)), phq9(13, start.plusWeeks(4).plusDays(2)));

        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0, 1.0), scores);

        WeekAssessment worse = report.week(FIRST.plusWeeks(4));
        assertTrue(worse.setback());
        assertEquals(Rules.SETBACK_SYMPTOM_WORSENING, worse.setbackReason());
        assertEquals(ClinicalStatus.SLIP, worse.status());
        // The worsening is also the latest score: listed once, after the baseline.
        assertEquals(List.of(phq9(13, start.plusWeeks(4).plusDays(2)), phq9(22, start)), worse.evidence().scores());
    }

    @Test
    void aSmallRiseInScoreThatIsNotReliableIsNoSetback() {
        LocalDate start = FIRST.monday();
        List<SymptomScore> scores = List.of(phq9(22, start), phq9(6, start.plusWeeks(2)), phq9(11, start.plusWeeks(4)));

        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0, 1.0), scores);

        assertFalse(report.week(FIRST.plusWeeks(4)).setback());
        assertEquals(ClinicalStatus.ON_TRACK, report.status());
    }

    @Test
    void aSlipIsARunShorterThanAtRiskWeeksAndItsRuleAndExplanationSaySo() {
        ScoringSettings slowToWorry = ScoringSettings.DEFAULTS.withWeeks(2, 3, 5, 2);

        ClientStatusReport report = StatusClassifier.classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.0, 0.0), List.of(),
                Instrument.catalogue(List.of()), slowToWorry);

        assertEquals(ClinicalStatus.SLIP, report.status());
        assertEquals("setback_run_below_at_risk_weeks", report.evidence().rule());
        assertEquals("2 setback week(s) in a row, fewer than the 3 that make a client at risk, and symptoms not measured",
                report.evidence().explanation());
        ClientStatusReport oneMore = StatusClassifier.classify(weeks(FIRST, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0), List.of(),
                Instrument.catalogue(List.of()), slowToWorry);
        assertEquals(ClinicalStatus.AT_RISK, oneMore.status());
    }

    @Test
    void clinicSettingsChangeTheLines() {
        ScoringSettings strict = ScoringSettings.DEFAULTS.withCompliance(0.9, 0.7).withWeeks(2, 2, 3, 2);

        ClientStatusReport report = StatusClassifier.classify(weeks(FIRST, 1.0, 1.0, 0.6, 0.6, 0.6), List.of(),
                Instrument.catalogue(List.of()), strict);

        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals(0.7, report.evidence().thresholds().get("adequate"));
        assertEquals(3.0, report.evidence().thresholds().get("relapseWeeks"));
    }

    @Test
    void aClientWithNoWeeksYetIsNotEstablished() {
        ClientStatusReport report = classify(List.of());

        assertEquals(ClinicalStatus.NOT_ESTABLISHED, report.status());
        assertEquals(Rules.NO_WEEKS, report.evidence().rule());
    }

    @Test
    void onTrackWithSymptomsInRemissionMapsToAchieved() {
        LocalDate start = FIRST.monday();
        List<SymptomScore> scores = List.of(phq9(16, start), phq9(5, start.plusWeeks(3)));

        ClientStatusReport report = classify(weeks(FIRST, 1.0, 1.0, 1.0, 1.0), scores);

        assertEquals(ClinicalStatus.ON_TRACK, report.status());
        assertEquals("achieved", report.fhirAchievementStatus());
        assertEquals("improving", classify(weeks(FIRST, 1.0, 1.0, 1.0)).fhirAchievementStatus());
    }
}
