package com.homeworkapi.compliance;

import com.homeworkapi.score.StatusResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's (or one assignment's) weekly compliance over a range of weeks, and the status
 * scoring derives from the whole record. {@code computedAt} matters: attempts synced late
 * still change past weeks. {@code obstacles} counts what got in the way in the same weeks.
 */
public record ComplianceResponse(
        UUID clientId,
        UUID assignmentId,
        String timeZone,
        Instant computedAt,
        LocalDate from,
        LocalDate to,
        Map<String, Double> thresholds,
        List<WeekResponse> weeks,
        ObstacleSummary obstacles,
        StatusResponse status) {
}
