package com.homeworkapi.score;

import com.homeworkapi.scoring.Evidence;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.SymptomScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Why scoring said what it said: the rule that fired, and the figures and thresholds it used. */
public record EvidenceResponse(
        String rule,
        String explanation,
        List<WeekFigure> weeks,
        List<ScoreFigure> scores,
        Map<String, Double> thresholds) {

    public record WeekFigure(String week, LocalDate weekStart, Double compliance) {
    }

    public record ScoreFigure(String instrument, double score, LocalDate date) {

        public static ScoreFigure from(SymptomScore measurement) {
            return new ScoreFigure(measurement.instrumentCode(), measurement.score(), measurement.date());
        }
    }

    public static EvidenceResponse from(Evidence evidence) {
        List<WeekFigure> weeks = new ArrayList<>(evidence.weeks().size());
        for (int i = 0; i < evidence.weeks().size(); i++) {
            IsoWeek week = evidence.weeks().get(i);
            weeks.add(new WeekFigure(week.toString(), week.monday(), evidence.compliance().get(i)));
        }
        return new EvidenceResponse(evidence.rule(), evidence.explanation(), weeks,
                evidence.scores().stream().map(ScoreFigure::from).toList(), evidence.thresholds());
    }
}
