package com.homeworkapi.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The clinic's compliance report: one row per active client. */
public record ComplianceReport(Instant generatedAt, LocalDate from, LocalDate to, Map<String, Double> thresholds,
        List<ReportRow> items) {
}
