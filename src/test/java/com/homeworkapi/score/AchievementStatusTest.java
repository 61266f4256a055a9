package com.homeworkapi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientScoring;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.SymptomScore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A goal's achievement status read from the client's score, for scales in either direction. */
class AchievementStatusTest {

    private static final Instrument WELLBEING = new Instrument("who5", 0, 100, 40, false, 10.0, null, null, null);
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    private static ClientScoreReport scored(SymptomScore... scores) {
        ClientRecord client = new ClientRecord(ZoneId.of("Europe/Berlin"), List.of(), List.of(), List.of(),
                List.of(scores), List.of(WELLBEING));
        return ClientScoring.score(client, ScoringSettings.DEFAULTS, Instant.parse("2026-04-20T12:00:00Z"));
    }

    private static AchievementStatus towards(ClientScoreReport report, String instrument, String target) {
        return AchievementStatus.forTarget(report, Instrument.catalogue(List.of(WELLBEING)), instrument,
                new BigDecimal(target));
    }

    @Test
    void aHigherIsBetterTargetIsReachedAtOrAboveItAndSaysSo() {
        ClientScoreReport report = scored(new SymptomScore("who5", 28, START), new SymptomScore("who5", 65, START.plusWeeks(4)));

        AchievementStatus achieved = towards(report, "who5", "60");

        assertEquals("achieved", achieved.code());
        assertEquals("The latest who5 score, 65, is at or above the goal's target of 60.", achieved.evidence().explanation());
        assertEquals(Map.of("targetValue", 60.0), achieved.evidence().thresholds());
        assertEquals("client_status", towards(report, "who5", "70").rule());
    }

    @Test
    void aLowerIsBetterTargetIsReachedAtOrBelowItAndSaysSo() {
        ClientScoreReport report = scored(new SymptomScore("phq9", 18, START), new SymptomScore("phq9", 9.5, START.plusWeeks(4)));

        AchievementStatus achieved = towards(report, "phq9", "10");

        assertEquals("achieved", achieved.code());
        assertEquals("The latest phq9 score, 9.5, is at or below the goal's target of 10.", achieved.evidence().explanation());
        assertEquals("client_status", towards(report, "phq9", "9").rule());
    }
}
