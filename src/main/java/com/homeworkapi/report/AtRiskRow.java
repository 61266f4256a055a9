package com.homeworkapi.report;

import com.homeworkapi.score.StatusResponse;
import java.time.Instant;
import java.util.UUID;

/**
 * A client whose kept status is slip, at_risk or relapse, with the evidence that put them there,
 * the version of the scoring rules it was computed with, and whether it is stale.
 */
public record AtRiskRow(
        UUID clientId,
        String displayName,
        String primaryClinicianId,
        StatusResponse status,
        Double lastFullWeekCompliance,
        Instant lastAttemptAt,
        Instant computedAt,
        int scoringVersion,
        boolean stale) {
}
