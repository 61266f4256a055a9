package com.homeworkapi.report;

import com.homeworkapi.scoring.ClientStatus;
import com.homeworkapi.scoring.ClientStatusReport;

/**
 * A client's current status (not_established, on_track, slip, at_risk, relapse, recovering),
 * its FHIR Goal.achievementStatus equivalent, and the evidence behind it.
 *
 * @param setbackWeeks weeks in the current setback; 0 when there is none
 */
public record StatusResponse(String code, String fhirAchievementStatus, boolean engaged, int setbackWeeks,
        EvidenceResponse evidence) {

    static StatusResponse from(ClientStatusReport report) {
        return new StatusResponse(report.status().code(), report.fhirAchievementStatus(), report.engaged(),
                currentSetbackWeeks(report), EvidenceResponse.from(report.evidence()));
    }

    static int currentSetbackWeeks(ClientStatusReport report) {
        ClientStatus status = report.status();
        if (status != ClientStatus.SLIP && status != ClientStatus.AT_RISK && status != ClientStatus.RELAPSE) {
            return 0;
        }
        return report.episodes().stream().filter(episode -> !episode.resolved())
                .mapToInt(episode -> episode.weeks().size()).reduce((first, last) -> last).orElse(0);
    }
}
