package com.homeworkapi.scoring;

import java.util.List;

/**
 * Step (c) result: the client's current status with its evidence, every week's assessment,
 * the setback episodes and the symptom figures per instrument.
 *
 * @param engaged      whether engagement was established by the last week
 * @param setbackWeeks the setback weeks in the current run: ended weeks that are setbacks (low
 *                     compliance, or a reliable symptom worsening from the best score), counted
 *                     once engagement is established, back from the last ended week to the last
 *                     week at adequate or better; the week in progress, and weeks with nothing
 *                     expected that are no setback, neither count nor break the run. It is the run that atRiskWeeks
 *                     and relapseWeeks are held against, so 0 outside a setback, and also for a
 *                     relapse found from symptoms alone while the homework went well.
 */
public record ClientStatusReport(
        ClinicalStatus status,
        String fhirAchievementStatus,
        Evidence evidence,
        boolean engaged,
        int setbackWeeks,
        List<WeekAssessment> weeks,
        List<SetbackEpisode> episodes,
        List<SymptomSummary> symptoms) {

    public ClientStatusReport {
        weeks = List.copyOf(weeks);
        episodes = List.copyOf(episodes);
        symptoms = List.copyOf(symptoms);
    }

    public WeekAssessment week(IsoWeek week) {
        for (WeekAssessment assessment : weeks) {
            if (assessment.week().equals(week)) {
                return assessment;
            }
        }
        throw new IllegalArgumentException("no assessment for " + week);
    }

    public List<SetbackEpisode> resolvedSlips() {
        return episodes.stream().filter(SetbackEpisode::isResolvedSlip).toList();
    }

    /** The last week that has ended, or null when none has. */
    public WeekAssessment lastEndedWeek() {
        for (int i = weeks.size() - 1; i >= 0; i--) {
            if (!weeks.get(i).inProgress()) {
                return weeks.get(i);
            }
        }
        return null;
    }
}
