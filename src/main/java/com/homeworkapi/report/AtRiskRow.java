package com.homeworkapi.report;

import com.homeworkapi.score.StatusResponse;
import java.time.Instant;
import java.util.UUID;

/** A client whose status is slip, at_risk or relapse, with the evidence that put them there. */
public record AtRiskRow(
        UUID clientId,
        String displayName,
        String primaryClinicianId,
        StatusResponse status,
        Double lastFullWeekCompliance,
        Instant lastAttemptAt,
        Instant computedAt) {
}
