package com.homeworkapi.report;

import java.time.Instant;
import java.util.List;

/**
 * Clients in a slip, at risk or in relapse, most serious first, by their kept statuses.
 *
 * @param scoringVersion the version of the scoring rules the service runs now
 * @param staleClients   active clients in the list's scope whose kept status is stale (or missing): the
 *                       list may yet gain, lose or reorder them when the background rescoring reaches them
 */
public record AtRiskReport(Instant generatedAt, int scoringVersion, long staleClients, List<AtRiskRow> items) {
}
