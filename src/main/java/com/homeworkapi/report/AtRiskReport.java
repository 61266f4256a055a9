package com.homeworkapi.report;

import java.time.Instant;
import java.util.List;

/** Clients in a slip, at risk or in relapse, most serious first. */
public record AtRiskReport(Instant generatedAt, List<AtRiskRow> items) {
}
