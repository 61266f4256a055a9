package com.homeworkapi.score;

import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.SymptomSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A goal's FHIR Goal.achievementStatus code (improving, worsening, in-progress, achieved, ...)
 * with the rule that set it and its evidence.
 */
public record AchievementStatus(String code, String rule, String clientStatus, EvidenceResponse evidence) {

    public static final String GOAL_COMPLETED = "goal_completed";
    public static final String TARGET_MET = "goal_target_met";
    public static final String FROM_CLIENT_STATUS = "client_status";

    /** A completed goal is achieved whatever the figures say. */
    public static AchievementStatus completed(ClientScoreReport report) {
        return new AchievementStatus("achieved", GOAL_COMPLETED, report.status().status().code(),
                EvidenceResponse.from(report.status().evidence()));
    }

    /**
     * Achieved when the latest score on the target's instrument has reached the target value;
     * otherwise what the client's homework and symptom status says.
     */
    public static AchievementStatus forTarget(ClientScoreReport report, Map<String, Instrument> instruments,
            String instrumentCode, BigDecimal targetValue) {
        String clientStatus = report.status().status().code();
        if (instrumentCode != null && targetValue != null && instruments.containsKey(instrumentCode)) {
            Instrument instrument = instruments.get(instrumentCode);
            for (SymptomSummary summary : report.status().symptoms()) {
                if (!summary.instrumentCode().equals(instrumentCode)) {
                    continue;
                }
                double latest = summary.latest().score();
                boolean reached = instrument.lowerIsBetter() ? latest <= targetValue.doubleValue()
                        : latest >= targetValue.doubleValue();
                if (reached) {
                    return new AchievementStatus("achieved", TARGET_MET, clientStatus,
                            new EvidenceResponse(TARGET_MET,
                                    "The latest " + instrumentCode + " score, " + Instrument.format(latest) + ", is "
                                            + (instrument.lowerIsBetter() ? "at or below" : "at or above")
                                            + " the goal's target of " + Instrument.format(targetValue.doubleValue()) + ".",
                                    List.of(), List.of(EvidenceResponse.ScoreFigure.from(summary.latest())),
                                    Map.of("targetValue", targetValue.doubleValue())));
                }
            }
        }
        return new AchievementStatus(report.status().fhirAchievementStatus(), FROM_CLIENT_STATUS, clientStatus,
                EvidenceResponse.from(report.status().evidence()));
    }
}
