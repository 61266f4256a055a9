package com.homeworkapi.score;

import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;

/** A client's score together with the record it was computed from (measurements, revisions). */
public record ScoredClient(ClientRecord record, ClientScoreReport report) {
}
