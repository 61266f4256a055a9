package com.homeworkapi.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The clinic's compliance report: one row per active client.
 *
 * @param scoringVersion the version of the scoring rules the service runs now
 * @param staleClients   rows whose figures are stale, being rescored in the background
 */
public record ComplianceReport(Instant generatedAt, LocalDate from, LocalDate to, Map<String, Double> thresholds,
        int scoringVersion, long staleClients, List<ReportRow> items) {
}
