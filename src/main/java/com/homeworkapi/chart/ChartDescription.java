package com.homeworkapi.chart;

import com.homeworkapi.scoring.ClinicalStatus;
import com.homeworkapi.scoring.SymptomScore;
import com.homeworkapi.scoring.WeekAssessment;
import java.util.List;

/**
 * The chart in words, for its {@code <desc>}: status and its evidence, every week's figure,
 * the setback runs, the symptom scores against their thresholds and the markers. A screen
 * reader gets what a sighted reader sees.
 */
final class ChartDescription {

    private ChartDescription() {
    }

    static String of(ChartData data) {
        StringBuilder text = new StringBuilder(256 + data.weeks().size() * 32);
        text.append("Status: ").append(SvgChart.words(data.status().status())).append(". ")
                .append(data.status().evidence().explanation()).append(". ");
        List<WeekAssessment> weeks = data.weeks();
        if (weeks.isEmpty()) {
            text.append("No weeks in this range.");
        } else {
            text.append(weeks.size()).append(weeks.size() == 1 ? " week, " : " weeks, ").append(weeks.get(0).week())
                    .append(" to ").append(weeks.get(weeks.size() - 1).week()).append(": ");
            for (int i = 0; i < weeks.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(SvgChart.weekInWords(weeks.get(i)));
            }
            text.append('.');
        }
        setbackRuns(text, weeks);
        for (ChartData.SymptomSeries series : data.symptoms()) {
            text.append(' ').append(series.name()).append(" (clinical threshold ")
                    .append(Markup.figure(series.instrument().threshold())).append("): ");
            List<SymptomScore> scores = series.scores();
            for (int i = 0; i < scores.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(Markup.figure(scores.get(i).score())).append(" on ")
                        .append(scores.get(i).date());
            }
            text.append('.');
        }
        for (ChartData.Marker marker : data.markers()) {
            text.append(' ').append(SvgChart.markerInWords(marker)).append('.');
        }
        return text.toString();
    }

    private static void setbackRuns(StringBuilder text, List<WeekAssessment> weeks) {
        int start = 0;
        while (start < weeks.size()) {
            ClinicalStatus status = weeks.get(start).status();
            int end = start;
            while (end + 1 < weeks.size() && weeks.get(end + 1).status() == status) {
                end++;
            }
            if (status == ClinicalStatus.SLIP || status == ClinicalStatus.AT_RISK || status == ClinicalStatus.RELAPSE
                    || status == ClinicalStatus.RECOVERING) {
                text.append(' ').append(Character.toUpperCase(SvgChart.words(status).charAt(0)))
                        .append(SvgChart.words(status).substring(1)).append(' ')
                        .append(start == end ? "in " + weeks.get(start).week()
                                : "from " + weeks.get(start).week() + " to " + weeks.get(end).week())
                        .append('.');
            }
            start = end + 1;
        }
    }
}
