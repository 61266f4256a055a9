package com.homeworkapi.score;

import com.homeworkapi.scoring.ClientStatusReport;

/**
 * A client's current status (not_established, on_track, slip, at_risk, relapse, recovering),
 * its FHIR Goal.achievementStatus equivalent, and the evidence behind it. It is also what the
 * kept score holds, so reports show the same setbackWeeks.
 *
 * @param setbackWeeks setback weeks in the current run, as {@link ClientStatusReport#setbackWeeks()} defines them
 */
public record StatusResponse(String code, String fhirAchievementStatus, boolean engaged, int setbackWeeks,
        EvidenceResponse evidence) {

    public static StatusResponse from(ClientStatusReport report) {
        return new StatusResponse(report.status().code(), report.fhirAchievementStatus(), report.engaged(),
                report.setbackWeeks(), EvidenceResponse.from(report.evidence()));
    }
}
