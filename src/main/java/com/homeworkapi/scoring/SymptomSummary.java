package com.homeworkapi.scoring;

import java.util.List;

/**
 * Symptom figures of one instrument as of its latest measurement. The baseline is the first
 * measurement; only later ones (follow-ups) can show a response.
 *
 * @param improvement            baseline to latest in points, positive when better
 * @param reliableImprovement    latest is reliably better than baseline
 * @param responded              some follow-up was reliably better than baseline or below the threshold
 * @param belowThreshold         latest is on the non-clinical side (remission for Y-BOCS, PHQ-9, GAD-7)
 * @param response               for instruments with a response percentage: latest dropped by at least that share
 * @param reliableWorseningFromBest latest is reliably worse than the best score so far
 * @param progressRetained       (baseline - latest) / (baseline - best); null when there were no gains to keep
 */
public record SymptomSummary(
        String instrumentCode,
        int measurementCount,
        SymptomScore baseline,
        SymptomScore best,
        SymptomScore latest,
        double improvement,
        boolean reliableImprovement,
        boolean responded,
        boolean belowThreshold,
        Boolean response,
        boolean reliableWorseningFromBest,
        Double progressRetained,
        List<SymptomRelapse> relapses,
        Evidence evidence) {

    public SymptomSummary {
        relapses = List.copyOf(relapses);
    }

    public boolean hasFollowUp() {
        return measurementCount > 1;
    }

    public boolean inRelapse() {
        return !relapses.isEmpty() && relapses.get(relapses.size() - 1).ended() == null;
    }
}
