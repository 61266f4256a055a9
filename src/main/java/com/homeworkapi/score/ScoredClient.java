package com.homeworkapi.score;

import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import java.util.List;

/**
 * A client's score together with the record it was computed from (measurements, revisions), and
 * the client's skipped and partial attempts with the obstacles named on them.
 */
public record ScoredClient(ClientRecord record, ClientScoreReport report, List<UnfinishedAttempt> unfinished) {
}
