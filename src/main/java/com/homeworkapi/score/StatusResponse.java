package com.homeworkapi.score;

import com.homeworkapi.scoring.ClinicalStatus;
import com.homeworkapi.scoring.ClientStatusReport;

/**
 * A client's current status (not_established, on_track, slip, at_risk, relapse, recovering),
 * its FHIR Goal.achievementStatus equivalent, and the evidence behind it.
 *
 * @param setbackWeeks weeks in the current setback; 0 when there is none
 */
public record StatusResponse(String code, String fhirAchievementStatus, boolean engaged, int setbackWeeks,
        EvidenceResponse evidence) {

    public static StatusResponse from(ClientStatusReport report) {
        return new StatusResponse(report.status().code(), report.fhirAchievementStatus(), report.engaged(),
                currentSetbackWeeks(report), EvidenceResponse.from(report.evidence()));
    }

    public static int currentSetbackWeeks(ClientStatusReport report) {
        ClinicalStatus status = report.status();
        if (status != ClinicalStatus.SLIP && status != ClinicalStatus.AT_RISK && status != ClinicalStatus.RELAPSE) {
            return 0;
        }
        return report.episodes().stream().filter(episode -> !episode.resolved())
                .mapToInt(episode -> episode.weeks().size()).reduce((first, last) -> last).orElse(0);
    }
}
