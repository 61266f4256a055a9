package com.homeworkapi.scoring;

import static com.homeworkapi.scoring.Fixtures.classify;
import static com.homeworkapi.scoring.Fixtures.concat;
import static com.homeworkapi.scoring.Fixtures.phq9;
import static com.homeworkapi.scoring.Fixtures.repeat;
import static com.homeworkapi.scoring.Fixtures.weeks;
import static com.homeworkapi.scoring.Fixtures.ybocs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Symptom scores: response, remission, relapse and gains held. */
class SymptomStoriesTest {

    private static final IsoWeek FIRST = IsoWeek.parse("2026-W02");
    private static final LocalDate START = FIRST.monday();

    private static SymptomSummary summaryOf(Instrument instrument, SymptomScore... scores) {
        return new SymptomHistory(instrument, List.of(scores), ScoringSettings.DEFAULTS).summary();
    }

    @Test
    void phq9BackAtTenOrMoreOnTwoMeasurementsFiveWeeksApartAfterRemissionIsARelapse() {
        List<SymptomScore> scores = List.of(
                phq9(16, START),
                phq9(7, START.plusWeeks(6)),
                phq9(11, START.plusWeeks(10)),
                phq9(12, START.plusWeeks(15)));

        ClientStatusReport report = classify(weeks(FIRST, repeat(1.0, 17)), scores);

        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE, report.evidence().rule());
        assertTrue(report.evidence().scores().containsAll(List.of(phq9(11, START.plusWeeks(10)), phq9(12, START.plusWeeks(15)))));
        assertEquals(10.0, report.evidence().thresholds().get("phq9.threshold"));
        assertEquals(28.0, report.evidence().thresholds().get("symptomRelapseDays"));
        assertEquals(ClinicalStatus.ON_TRACK, report.week(FIRST.plusWeeks(14)).status());
        assertEquals(ClinicalStatus.RELAPSE, report.week(FIRST.plusWeeks(15)).status());
        SymptomRelapse relapse = report.symptoms().get(0).relapses().get(0);
        assertEquals(START.plusWeeks(15), relapse.onset());
        assertNull(relapse.ended());
        // Every week was met and no score worsened reliably from the best: no setback week.
        assertEquals(0, report.setbackWeeks());
    }

    @Test
    void aSymptomRelapseCountsOnlyTheSetbackWeeksWithinIt() {
        List<SymptomScore> scores = List.of(phq9(16, START), phq9(7, START.plusWeeks(6)), phq9(11, START.plusWeeks(10)),
                phq9(12, START.plusWeeks(14)));

        ClientStatusReport report = classify(weeks(FIRST, concat(repeat(1.0, 14), repeat(0.0, 1), repeat(1.0, 1),
                repeat(0.2, 2))), scores);

        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE, report.evidence().rule());
        // The low week before the met one is no longer in the run; the last two are.
        assertEquals(2, report.setbackWeeks());
    }

    @Test
    void aShortFlareOfTwoHighScoresTwoWeeksApartIsNotARelapse() {
        List<SymptomScore> scores = List.of(
                phq9(16, START),
                phq9(7, START.plusWeeks(6)),
                phq9(11, START.plusWeeks(10)),
                phq9(12, START.plusWeeks(12)));

        ClientStatusReport report = classify(weeks(FIRST, repeat(1.0, 14)), scores);

        assertEquals(ClinicalStatus.ON_TRACK, report.status());
        assertTrue(report.symptoms().get(0).relapses().isEmpty());
    }

    @Test
    void aHighScoreBetweenTwoLowOnesBreaksTheRunOfConsecutiveMeasurements() {
        List<SymptomScore> scores = List.of(
                phq9(16, START), phq9(7, START.plusWeeks(4)), phq9(11, START.plusWeeks(6)),
                phq9(8, START.plusWeeks(8)), phq9(12, START.plusWeeks(11)));

        SymptomSummary summary = new SymptomHistory(Instrument.PHQ9, scores, ScoringSettings.DEFAULTS).summary();

        assertTrue(summary.relapses().isEmpty());
    }

    @Test
    void aClientWhoNeverRespondedCannotRelapseOnSymptoms() {
        List<SymptomScore> scores = List.of(phq9(16, START), phq9(14, START.plusWeeks(4)), phq9(15, START.plusWeeks(10)));

        SymptomSummary summary = summaryOf(Instrument.PHQ9, scores.toArray(SymptomScore[]::new));

        assertFalse(summary.responded());
        assertTrue(summary.relapses().isEmpty());
    }

    @Test
    void losingAReliableImprovementWhileStillAboveThresholdIsARelapseOnceItSpansFourWeeks() {
        // Reliably better (24 -> 12) but never below 10: only the "no longer reliably better" criterion can apply.
        SymptomHistory history = new SymptomHistory(Instrument.PHQ9, List.of(
                phq9(24, START), phq9(12, START.plusWeeks(4)), phq9(20, START.plusWeeks(8)), phq9(21, START.plusWeeks(12)),
                phq9(11, START.plusWeeks(16))), ScoringSettings.DEFAULTS);

        SymptomRelapse relapse = history.relapses().get(0);
        assertEquals(START.plusWeeks(12), relapse.onset());
        assertEquals(START.plusWeeks(16), relapse.ended());
        assertTrue(relapse.activeOn(START.plusWeeks(14)));
        assertFalse(relapse.activeOn(START.plusWeeks(16)));
    }

    @Test
    void ybocsDropOfThirtyFivePercentIsAResponseAndTwelveOrLessIsRemission() {
        SymptomSummary responded = summaryOf(Instrument.YBOCS, ybocs(28, START), ybocs(18, START.plusWeeks(8)));
        assertTrue(responded.response());
        assertTrue(responded.responded());
        assertTrue(responded.reliableImprovement());
        assertFalse(responded.belowThreshold());

        SymptomSummary notYet = summaryOf(Instrument.YBOCS, ybocs(28, START), ybocs(19, START.plusWeeks(8)));
        assertFalse(notYet.response());
        assertFalse(notYet.reliableImprovement());

        SymptomSummary remitted = summaryOf(Instrument.YBOCS, ybocs(28, START), ybocs(12, START.plusWeeks(12)));
        assertTrue(remitted.belowThreshold());
        SymptomSummary notRemitted = summaryOf(Instrument.YBOCS, ybocs(28, START), ybocs(13, START.plusWeeks(12)));
        assertFalse(notRemitted.belowThreshold());
    }

    @Test
    void ybocsBackAtThirteenOrMoreForAMonthAfterRemissionIsARelapse() {
        List<SymptomScore> scores = List.of(ybocs(28, START), ybocs(11, START.plusWeeks(8)),
                ybocs(14, START.plusWeeks(12)), ybocs(16, START.plusWeeks(16)));

        ClientStatusReport report = classify(weeks(FIRST, repeat(1.0, 18)), scores);

        assertEquals(ClinicalStatus.RELAPSE, report.status());
        assertEquals(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE, report.evidence().rule());
        assertEquals(35.0, report.evidence().thresholds().get("ybocs.responsePercent"));
    }

    @Test
    void progressRetainedIsTheShareOfGainsStillHeld() {
        SymptomSummary summary = summaryOf(Instrument.PHQ9, phq9(20, START), phq9(10, START.plusWeeks(6)), phq9(12, START.plusWeeks(10)));

        assertEquals(0.8, summary.progressRetained(), 1e-9);
        assertEquals(phq9(20, START), summary.baseline());
        assertEquals(phq9(10, START.plusWeeks(6)), summary.best());
        assertEquals(phq9(12, START.plusWeeks(10)), summary.latest());
        assertEquals(8.0, summary.improvement());
        assertFalse(summary.reliableWorseningFromBest());
    }

    @Test
    void progressRetainedIsUndefinedWhenThereWereNoGains() {
        SymptomSummary summary = summaryOf(Instrument.PHQ9, phq9(12, START), phq9(15, START.plusWeeks(4)));

        assertNull(summary.progressRetained());
        assertTrue(summary.evidence().explanation().contains("no gains yet"));
    }

    @Test
    void theSummaryListsEachScoreOnceWhenTheBaselineIsTheBestOrTheLatestIsTheBest() {
        SymptomSummary noGains = summaryOf(Instrument.PHQ9, phq9(12, START), phq9(15, START.plusWeeks(4)));
        SymptomSummary latestIsBest = summaryOf(Instrument.PHQ9, phq9(20, START), phq9(9, START.plusWeeks(4)));
        SymptomSummary onlyBaseline = summaryOf(Instrument.PHQ9, phq9(20, START));

        assertEquals(List.of(phq9(12, START), phq9(15, START.plusWeeks(4))), noGains.evidence().scores());
        assertEquals(List.of(phq9(20, START), phq9(9, START.plusWeeks(4))), latestIsBest.evidence().scores());
        assertEquals(List.of(phq9(20, START)), onlyBaseline.evidence().scores());
    }

    @Test
    void progressRetainedGoesBelowZeroWhenTheClientIsWorseThanAtBaseline() {
        SymptomSummary summary = summaryOf(Instrument.PHQ9, phq9(15, START), phq9(5, START.plusWeeks(4)), phq9(20, START.plusWeeks(8)));

        assertEquals(-0.5, summary.progressRetained(), 1e-9);
        assertTrue(summary.reliableWorseningFromBest());
    }

    @Test
    void gad7ReliableChangeIsFourPoints() {
        assertTrue(summaryOf(Instrument.GAD7, new SymptomScore("gad7", 14, START), new SymptomScore("gad7", 10, START.plusWeeks(4)))
                .reliableImprovement());
        assertFalse(summaryOf(Instrument.GAD7, new SymptomScore("gad7", 14, START), new SymptomScore("gad7", 11, START.plusWeeks(4)))
                .reliableImprovement());
    }

    @Test
    void jacobsonTruaxIndexFollowsTheFormula() {
        // SD 5, reliability .84: SE = 2, Sdiff = 2 * sqrt(2).
        assertEquals(-6 / (2 * Math.sqrt(2)), ReliableChange.jacobsonTruax(20, 14, 5, 0.84), 1e-12);
        assertTrue(ReliableChange.isReliable(ReliableChange.jacobsonTruax(20, 14, 5, 0.84)));
        assertFalse(ReliableChange.isReliable(ReliableChange.jacobsonTruax(20, 15, 5, 0.84)));
        assertThrows(IllegalArgumentException.class, () -> ReliableChange.jacobsonTruax(20, 15, 5, 1.0));
    }

    @Test
    void aClinicInstrumentWithSdAndReliabilityUsesJacobsonTruax() {
        Instrument clinicScale = new Instrument("clinic_mood", 0, 50, 20, true, null, null, 5.0, 0.84);
        SymptomScore baseline = new SymptomScore("clinic_mood", 30, START);

        assertTrue(summaryOf(clinicScale, baseline, new SymptomScore("clinic_mood", 24, START.plusWeeks(4))).reliableImprovement());
        assertFalse(summaryOf(clinicScale, baseline, new SymptomScore("clinic_mood", 25, START.plusWeeks(4))).reliableImprovement());
        assertEquals("jacobson_truax", clinicScale.reliableChangeCriterion());
    }

    @Test
    void aHigherIsBetterInstrumentCountsRisesAsGains() {
        Instrument wellbeing = new Instrument("who5", 0, 100, 50, false, 10.0, null, null, null);

        SymptomSummary summary = summaryOf(wellbeing, new SymptomScore("who5", 28, START), new SymptomScore("who5", 60, START.plusWeeks(6)));

        assertTrue(summary.reliableImprovement());
        assertTrue(summary.belowThreshold());
        assertEquals(32.0, summary.improvement());
    }

    /** A clinic scale where a higher score means fewer symptoms: 40 or less is clinical. */
    private static final Instrument WELLBEING = new Instrument("who5", 0, 100, 40, false, 10.0, null, null, null);

    private static SymptomScore who5(double score, LocalDate date) {
        return new SymptomScore("who5", score, date);
    }

    @Test
    void aRelapseOnAHigherIsBetterScaleIsExplainedAsBackAtOrBelowItsThreshold() {
        // 28 -> 60 is a response; 39 and 38 are back on the clinical side, yet still 10 points above baseline.
        SymptomHistory history = new SymptomHistory(WELLBEING, List.of(who5(28, START), who5(60, START.plusWeeks(6)),
                who5(39, START.plusWeeks(10)), who5(38, START.plusWeeks(15))), ScoringSettings.DEFAULTS);

        SymptomRelapse relapse = history.relapses().get(0);
        assertEquals("who5 back at or below 40 on 2 consecutive measurements from " + START.plusWeeks(10) + " to "
                + START.plusWeeks(15), relapse.evidence().explanation());
    }

    @Test
    void aRelapseOnALowerIsBetterScaleIsExplainedAsBackAtOrAboveItsThreshold() {
        SymptomHistory history = new SymptomHistory(Instrument.PHQ9, List.of(phq9(20, START), phq9(8, START.plusWeeks(6)),
                phq9(12, START.plusWeeks(10)), phq9(13, START.plusWeeks(15))), ScoringSettings.DEFAULTS);

        assertEquals("phq9 back at or above 10 on 2 consecutive measurements from " + START.plusWeeks(10) + " to "
                + START.plusWeeks(15), history.relapses().get(0).evidence().explanation());
    }

    @Test
    void aRelapseExplainsWhichCriterionHeldAndPrintsAClinicsThresholdAsGiven() {
        SymptomHistory gainsLost = new SymptomHistory(Instrument.PHQ9, List.of(phq9(24, START), phq9(12, START.plusWeeks(4)),
                phq9(20, START.plusWeeks(8)), phq9(21, START.plusWeeks(12))), ScoringSettings.DEFAULTS);
        assertEquals("phq9 no longer reliably better than the baseline 24 on 2 consecutive measurements from "
                + START.plusWeeks(8) + " to " + START.plusWeeks(12), gainsLost.relapses().get(0).evidence().explanation());

        Instrument halfPoints = new Instrument("mood", 0, 50, 12.5, false, 10.0, null, null, null);
        SymptomHistory both = new SymptomHistory(halfPoints, List.of(new SymptomScore("mood", 10, START),
                new SymptomScore("mood", 30.5, START.plusWeeks(4)), new SymptomScore("mood", 12.5, START.plusWeeks(8)),
                new SymptomScore("mood", 11, START.plusWeeks(12))), ScoringSettings.DEFAULTS);
        assertEquals("mood back at or below 12.5 and no longer reliably better than the baseline 10 on 2 consecutive"
                + " measurements from " + START.plusWeeks(8) + " to " + START.plusWeeks(12),
                both.relapses().get(0).evidence().explanation());
    }

    @Test
    void theSummarySaysOnWhichSideOfTheThresholdTheLatestScoreLiesInEitherDirection() {
        assertEquals("who5: baseline 28, best 60, latest 60, above the threshold 40 (not clinical), 100% of gains held",
                summaryOf(WELLBEING, who5(28, START), who5(60, START.plusWeeks(6))).evidence().explanation());
        assertEquals("who5: baseline 28, best 60, latest 40, at or below the threshold 40 (clinical), 38% of gains held",
                summaryOf(WELLBEING, who5(28, START), who5(60, START.plusWeeks(6)), who5(40, START.plusWeeks(8)))
                        .evidence().explanation());
        assertEquals("phq9: baseline 20, best 10, latest 12, at or above the threshold 10 (clinical), 80% of gains held",
                summaryOf(Instrument.PHQ9, phq9(20, START), phq9(10, START.plusWeeks(6)), phq9(12, START.plusWeeks(10)))
                        .evidence().explanation());
        assertEquals("phq9: baseline 12, best 9, latest 9, below the threshold 10 (not clinical), 100% of gains held",
                summaryOf(Instrument.PHQ9, phq9(12, START), phq9(9, START.plusWeeks(4))).evidence().explanation());
        assertEquals("phq9: baseline 12, best 12, latest 15, at or above the threshold 10 (clinical), no gains yet",
                summaryOf(Instrument.PHQ9, phq9(12, START), phq9(15, START.plusWeeks(4))).evidence().explanation());
    }

    @Test
    void aScoreOutsideTheInstrumentRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> summaryOf(Instrument.PHQ9, phq9(28, START)));
    }

    @Test
    void aMeasurementOfAnUnknownInstrumentIsRejected() {
        List<SymptomScore> scores = List.of(new SymptomScore("unknown", 3, START));
        assertThrows(IllegalArgumentException.class, () -> classify(weeks(FIRST, 1.0), scores));
    }
}
