package com.homeworkapi.compliance;

import com.homeworkapi.score.EvidenceResponse;
import com.homeworkapi.score.StatusResponse;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.PracticeProgress;
import com.homeworkapi.scoring.SymptomSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far the client has come: symptoms from baseline to now (the share of gains still held),
 * practice from the first assignments to the current ones, and a sentence an app can show.
 */
public record ProgressResponse(
        UUID clientId,
        Instant computedAt,
        String summary,
        StatusResponse status,
        List<InstrumentProgress> instruments,
        Practice practice) {

    /**
     * @param progressRetained (baseline - latest) / (baseline - best); null when there were no gains
     */
    public record InstrumentProgress(
            String instrument,
            int measurements,
            EvidenceResponse.ScoreFigure baseline,
            EvidenceResponse.ScoreFigure best,
            EvidenceResponse.ScoreFigure latest,
            double improvement,
            boolean reliableImprovement,
            boolean responded,
            boolean belowThreshold,
            Boolean response,
            boolean reliableWorseningFromBest,
            Double progressRetained,
            EvidenceResponse evidence) {

        static InstrumentProgress from(SymptomSummary summary) {
            return new InstrumentProgress(summary.instrumentCode(), summary.measurementCount(),
                    EvidenceResponse.ScoreFigure.from(summary.baseline()),
                    EvidenceResponse.ScoreFigure.from(summary.best()),
                    EvidenceResponse.ScoreFigure.from(summary.latest()), summary.improvement(),
                    summary.reliableImprovement(), summary.responded(), summary.belowThreshold(), summary.response(),
                    summary.reliableWorseningFromBest(), summary.progressRetained(),
                    EvidenceResponse.from(summary.evidence()));
        }
    }

    /**
     * Exposures repeated with peak SUDS show how distress changed; habituation (peak minus
     * after) is descriptive only, never a measure of success.
     */
    public record Practice(AssignmentSet first, AssignmentSet current, List<PracticeProgress.ExposureSeries> exposures,
            EvidenceResponse evidence) {

        static Practice from(PracticeProgress practice) {
            return new Practice(AssignmentSet.from(practice.first()), AssignmentSet.from(practice.current()),
                    practice.exposures(), EvidenceResponse.from(practice.evidence()));
        }
    }

    public record AssignmentSet(String week, LocalDate weekStart, int count, Map<String, Integer> countByKind,
            Double meanDifficulty) {

        static AssignmentSet from(PracticeProgress.AssignmentSet set) {
            if (set == null) {
                return null;
            }
            IsoWeek week = set.week();
            return new AssignmentSet(week == null ? null : week.toString(), week == null ? null : week.monday(),
                    set.count(), set.countByKind(), set.meanDifficulty());
        }
    }
}
