package com.homeworkapi.chart;

import static com.homeworkapi.chart.Markup.coordinate;
import static com.homeworkapi.chart.Markup.escape;
import static com.homeworkapi.chart.Markup.figure;
import static com.homeworkapi.chart.Markup.percent;

import com.homeworkapi.scoring.Band;
import com.homeworkapi.scoring.ClinicalStatus;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.SymptomScore;
import com.homeworkapi.scoring.WeekAssessment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a compliance chart as a self-contained SVG: no script, no external font or image, so
 * it shows the same in an app, a browser and a printed page. A bar per ISO week, coloured by
 * band and patterned too (solid, striped, dotted, outlined), so it reads in greyscale and for
 * colour-blind readers; setback runs shaded and labelled; the week in progress outlined; a
 * panel per symptom instrument with its clinical threshold; revisions and pauses as markers.
 * The title and description carry the same facts in words for screen readers.
 */
public final class SvgChart {

    /** The media type the chart is served as. */
    public static final String MEDIA_TYPE = "image/svg+xml";

    static final int WIDTH = 800;
    static final double LEFT = 56;
    static final double RIGHT = 64;
    static final double PLOT_TOP = 76;
    static final double PLOT_HEIGHT = 200;
    static final double WEEK_LABELS = 40;
    static final double SYMPTOM_HEIGHT = 80;
    static final double SYMPTOM_GAP = 40;
    static final double LEGEND = 48;
    static final double TITLE_SIZE = 15;
    /** A title line's height: DejaVu Sans's 1.16 em from ascent to descent, and a little air. */
    static final double TITLE_LINE = 20;
    /** The title's room: from where it starts to a margin of 16 at the right edge. */
    static final double TITLE_WIDTH = WIDTH - LEFT - 16;
    static final String FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    /** The least room between two labels on one line, so they never read as one word ("20252026"). */
    private static final double LABEL_GAP = 4;
    /** A white outline behind a label's glyphs, so it stays legible over a bar or a line. */
    private static final String HALO = " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

    private SvgChart() {
    }

    public static String render(ChartData data) {
        List<WeekAssessment> weeks = data.weeks();
        int symptomPanels = data.symptoms().size();
        List<String> titleLines = TextWidth.wrap(data.title(), TITLE_WIDTH, TITLE_SIZE, true);
        // A title of several lines pushes the rest of the drawing down, which grows by as much.
        double titleGrowth = (titleLines.size() - 1) * TITLE_LINE;
        double height = titleGrowth + PLOT_TOP + PLOT_HEIGHT + WEEK_LABELS
                + symptomPanels * (SYMPTOM_HEIGHT + SYMPTOM_GAP) + LEGEND;
        StringBuilder svg = new StringBuilder(8192 + weeks.size() * 600);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(coordinate(height)).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(coordinate(height)).append("\" font-family=\"")
                .append(FONTS).append("\" font-size=\"11\">\n");
        svg.append("<title id=\"chart-title\">").append(escape(data.title())).append("</title>\n");
        svg.append("<desc id=\"chart-desc\">").append(escape(ChartDescription.of(data))).append("</desc>\n");
        definitions(svg);
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        title(svg, titleLines);
        svg.append("<g class=\"drawing\"");
        if (titleGrowth > 0) {
            svg.append(" transform=\"translate(0 ").append(coordinate(titleGrowth)).append(")\"");
        }
        svg.append(">\n");
        svg.append("<text x=\"").append(coordinate(LEFT)).append("\" y=\"44\" fill=\"#444444\">Status: ")
                .append(escape(words(data.status().status()))).append(" · ").append(weeks.size())
                .append(weeks.size() == 1 ? " week" : " weeks").append(range(weeks)).append("</text>\n");
        if (weeks.isEmpty()) {
            svg.append("<text x=\"").append(coordinate(LEFT)).append("\" y=\"")
                    .append(coordinate(PLOT_TOP + PLOT_HEIGHT / 2)).append("\" fill=\"#444444\">")
                    .append("No weeks with homework in this range.</text>\n");
        }
        double step = weeks.isEmpty() ? PLOT_WIDTH : PLOT_WIDTH / weeks.size();
        setbackRuns(svg, weeks, step);
        complianceAxis(svg, data);
        bars(svg, weeks, step);
        setbackLabels(svg, weeks, step);
        weekLabels(svg, weeks, step);
        markers(svg, data, step);
        double top = PLOT_TOP + PLOT_HEIGHT + WEEK_LABELS;
        for (ChartData.SymptomSeries series : data.symptoms()) {
            symptomPanel(svg, series, weeks, step, top + SYMPTOM_GAP - 12);
            top += SYMPTOM_HEIGHT + SYMPTOM_GAP;
        }
        legend(svg, top + 8);
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    /**
     * The status sentence, a line per tspan. Each line but the last keeps its closing space, so
     * the text copied from the drawing is the sentence as written.
     */
    private static void title(StringBuilder svg, List<String> lines) {
        svg.append("<text class=\"chart-title\" font-size=\"").append(figure(TITLE_SIZE))
                .append("\" font-weight=\"600\" fill=\"#1a1a1a\">");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(coordinate(LEFT)).append("\" y=\"").append(coordinate(24 + i * TITLE_LINE))
                    .append("\">").append(escape(lines.get(i))).append(i < lines.size() - 1 ? " " : "").append("</tspan>");
        }
        svg.append("</text>\n");
    }

    /** The status as words: "at risk" rather than at_risk. */
    static String words(ClinicalStatus status) {
        return status.code().replace('_', ' ');
    }

    private static String range(List<WeekAssessment> weeks) {
        if (weeks.isEmpty()) {
            return "";
        }
        IsoWeek first = weeks.get(0).week();
        IsoWeek last = weeks.get(weeks.size() - 1).week();
        return first.equals(last) ? ", " + first : ", " + first + " to " + last;
    }

    private static void definitions(StringBuilder svg) {
        svg.append("""
                <defs>
                <pattern id="band-adequate" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
                <rect width="6" height="6" fill="#e69f00"/><rect width="2" height="6" fill="#ffffff"/></pattern>
                <pattern id="band-low" width="6" height="6" patternUnits="userSpaceOnUse">\
                <rect width="6" height="6" fill="#d55e00"/><circle cx="3" cy="3" r="1.3" fill="#ffffff"/></pattern>
                <pattern id="band-in-progress" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">\
                <rect width="6" height="6" fill="#ffffff"/><rect width="1" height="6" fill="#56b4e9"/></pattern>
                </defs>
                """);
    }

    private static String fill(Band band) {
        return switch (band) {
            case MET -> "#009e73";
            case ADEQUATE -> "url(#band-adequate)";
            case LOW -> "url(#band-low)";
            case IN_PROGRESS -> "url(#band-in-progress)";
            case NOTHING_EXPECTED -> "none";
        };
    }

    private static String shade(ClinicalStatus status) {
        return switch (status) {
            case SLIP -> "#f0e442";
            case AT_RISK -> "#e69f00";
            case RELAPSE -> "#d55e00";
            case RECOVERING -> "#56b4e9";
            default -> null;
        };
    }

    /** Runs of weeks with the same setback status (slip, at risk, relapse, recovering), shaded behind the bars. */
    private static void setbackRuns(StringBuilder svg, List<WeekAssessment> weeks, double step) {
        for (int[] run : setbackRunsOf(weeks)) {
            ClinicalStatus status = weeks.get(run[0]).status();
            svg.append("<rect class=\"setback-run\" data-status=\"").append(status.code()).append("\" x=\"")
                    .append(coordinate(LEFT + run[0] * step)).append("\" y=\"").append(coordinate(PLOT_TOP))
                    .append("\" width=\"").append(coordinate((run[1] - run[0] + 1) * step)).append("\" height=\"")
                    .append(coordinate(PLOT_HEIGHT)).append("\" fill=\"").append(shade(status))
                    .append("\" fill-opacity=\"0.28\"/>\n");
        }
    }

    /**
     * Each setback run's name at its start, drawn over the bars with a white halo so a full bar
     * does not hide it. A name wider than the room before the next name goes a row lower.
     */
    private static void setbackLabels(StringBuilder svg, List<WeekAssessment> weeks, double step) {
        List<Double> rowEnds = new ArrayList<>();
        for (int[] run : setbackRunsOf(weeks)) {
            ClinicalStatus status = weeks.get(run[0]).status();
            double x = LEFT + run[0] * step + 3;
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > x) {
                row++;
            }
            double end = x + TextWidth.of(words(status), 10, true) + LABEL_GAP;
            if (row == rowEnds.size()) {
                rowEnds.add(end);
            } else {
                rowEnds.set(row, end);
            }
            svg.append("<text class=\"setback-label\" data-status=\"").append(status.code()).append("\" x=\"")
                    .append(coordinate(x)).append("\" y=\"").append(coordinate(PLOT_TOP + 12 + row * 12))
                    .append("\" font-size=\"10\" font-weight=\"600\" fill=\"#333333\"").append(HALO).append('>')
                    .append(words(status)).append("</text>\n");
        }
    }

    /** The runs of consecutive weeks with one setback status, as first and last index. */
    private static List<int[]> setbackRunsOf(List<WeekAssessment> weeks) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        while (start < weeks.size()) {
            ClinicalStatus status = weeks.get(start).status();
            int end = start;
            while (end + 1 < weeks.size() && weeks.get(end + 1).status() == status) {
                end++;
            }
            if (shade(status) != null) {
                runs.add(new int[] {start, end});
            }
            start = end + 1;
        }
        return runs;
    }

    private static void complianceAxis(StringBuilder svg, ChartData data) {
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        svg.append("<g class=\"axis\" fill=\"#444444\" font-size=\"10\">");
        svg.append("<text x=\"12\" y=\"").append(coordinate(PLOT_TOP + PLOT_HEIGHT / 2))
                .append("\" transform=\"rotate(-90 12 ").append(coordinate(PLOT_TOP + PLOT_HEIGHT / 2))
                .append(")\" text-anchor=\"middle\">compliance</text>");
        for (double share : new double[] {0, data.settings().adequate(), data.settings().met(), 1}) {
            double y = bottom - share * PLOT_HEIGHT;
            svg.append("<text x=\"").append(coordinate(LEFT - 6)).append("\" y=\"").append(coordinate(y + 3.5))
                    .append("\" text-anchor=\"end\">").append(percent(share)).append("</text>");
            boolean line = share > 0 && share < 1;
            svg.append("<line x1=\"").append(coordinate(LEFT)).append("\" x2=\"").append(coordinate(LEFT + PLOT_WIDTH))
                    .append("\" y1=\"").append(coordinate(y)).append("\" y2=\"").append(coordinate(y))
                    .append("\" stroke=\"").append(line ? "#888888" : "#cccccc").append('"')
                    .append(line ? " stroke-dasharray=\"4 3\"" : "").append("/>");
        }
        svg.append("</g>\n");
    }

    private static void bars(StringBuilder svg, List<WeekAssessment> weeks, double step) {
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        double width = Math.max(2, step * 0.7);
        for (int i = 0; i < weeks.size(); i++) {
            WeekAssessment week = weeks.get(i);
            double share = week.compliance() == null ? 0 : week.compliance();
            double height = share * PLOT_HEIGHT;
            double x = LEFT + i * step + (step - width) / 2;
            svg.append("<g class=\"week\"><rect class=\"bar\" data-week=\"").append(week.week())
                    .append("\" data-band=\"").append(week.band().code()).append('"');
            if (week.compliance() != null) {
                svg.append(" data-compliance=\"").append(figure(week.compliance())).append('"');
            }
            svg.append(" x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(bottom - height))
                    .append("\" width=\"").append(coordinate(width)).append("\" height=\"").append(coordinate(height))
                    .append("\" fill=\"").append(fill(week.band())).append('"');
            if (week.inProgress()) {
                svg.append(" stroke=\"#0072b2\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"");
            } else if (week.band() == Band.MET) {
                svg.append(" stroke=\"#006d50\" stroke-width=\"1\"");
            }
            svg.append("><title>").append(weekInWords(week)).append("</title></rect>");
            if (week.compliance() == null) {
                svg.append("<text x=\"").append(coordinate(LEFT + i * step + step / 2)).append("\" y=\"")
                        .append(coordinate(bottom - 4)).append("\" text-anchor=\"middle\" fill=\"#666666\">–</text>");
            }
            if (week.inProgress()) {
                // Upwards from the foot of its own bar, over it: above the bar it would meet the
                // setback names, below the axis the week labels. The baseline sits 3.5 right of the
                // column's middle, so the glyphs (ascent 9.3, descent 2.4) are centred on it.
                String labelX = coordinate(LEFT + i * step + step / 2 + 3.5);
                String labelY = coordinate(bottom - (week.compliance() == null ? 16 : 4));
                svg.append("<text class=\"in-progress\" x=\"").append(labelX).append("\" y=\"").append(labelY)
                        .append("\" font-size=\"10\" fill=\"#0072b2\"").append(HALO).append(" transform=\"rotate(-90 ")
                        .append(labelX).append(' ').append(labelY).append(")\">in progress</text>");
            }
            svg.append("</g>\n");
        }
    }

    /** One week in words: "2026-W10: 83%, adequate" or "2026-W11: nothing expected". */
    static String weekInWords(WeekAssessment week) {
        if (week.compliance() == null) {
            return week.week() + ": nothing expected";
        }
        String band = week.inProgress() ? "in progress, so far" : week.band().code();
        return week.week() + ": " + percent(week.compliance()) + ", " + band
                + (week.setback() ? ", setback" : "");
    }

    /**
     * Week numbers under the bars, thinned to about 13 labels; the year under the first week and
     * at each new year, unless the next year's label follows too closely (a range starting in
     * the last week of a year), when the first is left out.
     */
    private static void weekLabels(StringBuilder svg, List<WeekAssessment> weeks, double step) {
        int every = Math.max(1, (int) Math.ceil(weeks.size() / 13.0));
        double y = PLOT_TOP + PLOT_HEIGHT + 14;
        svg.append("<g class=\"week-labels\" fill=\"#444444\" font-size=\"10\" text-anchor=\"middle\">");
        List<Integer> newYears = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            IsoWeek week = weeks.get(i).week();
            if (i % every == 0) {
                svg.append("<text class=\"week-label\" x=\"").append(coordinate(LEFT + i * step + step / 2)).append("\" y=\"")
                        .append(coordinate(y)).append("\">W").append(String.format(Locale.ROOT, "%02d", week.week())).append("</text>");
            }
            if (i == 0 || week.weekBasedYear() != weeks.get(i - 1).week().weekBasedYear()) {
                newYears.add(i);
            }
        }
        double yearWidth = TextWidth.of("0000", 10, false);
        for (int n = 0; n < newYears.size(); n++) {
            int i = newYears.get(n);
            if (n + 1 < newYears.size() && (newYears.get(n + 1) - i) * step < yearWidth + LABEL_GAP) {
                continue;
            }
            svg.append("<text class=\"year-label\" x=\"").append(coordinate(LEFT + i * step + step / 2)).append("\" y=\"")
                    .append(coordinate(y + 14)).append("\">").append(weeks.get(i).week().weekBasedYear()).append("</text>");
        }
        svg.append("</g>\n");
    }

    /** Where a date falls on the week axis, or NaN outside the weeks drawn. */
    private static double xOf(LocalDate date, List<WeekAssessment> weeks, double step) {
        if (weeks.isEmpty()) {
            return Double.NaN;
        }
        LocalDate firstMonday = weeks.get(0).week().monday();
        double days = date.toEpochDay() - firstMonday.toEpochDay() + 0.5;
        if (days < 0 || days > weeks.size() * 7) {
            return Double.NaN;
        }
        return LEFT + days / 7 * step;
    }

    private static void markers(StringBuilder svg, ChartData data, double step) {
        double y = PLOT_TOP - 10;
        for (ChartData.Marker marker : data.markers()) {
            double x = xOf(marker.date(), data.weeks(), step);
            if (Double.isNaN(x)) {
                continue;
            }
            svg.append("<g class=\"marker\" data-kind=\"").append(marker.kind().word).append("\"><title>")
                    .append(escape(markerInWords(marker))).append("</title>");
            svg.append("<line x1=\"").append(coordinate(x)).append("\" x2=\"").append(coordinate(x)).append("\" y1=\"")
                    .append(coordinate(y + 6)).append("\" y2=\"").append(coordinate(PLOT_TOP + PLOT_HEIGHT))
                    .append("\" stroke=\"#555555\" stroke-width=\"0.8\" stroke-dasharray=\"1 2\"/>");
            svg.append(markerSymbol(marker.kind(), x, y)).append("</g>\n");
        }
    }

    static String markerInWords(ChartData.Marker marker) {
        return marker.date() + ": \u201c" + marker.assignmentTitle() + "\u201d " + marker.kind().word;
    }

    /** A shape per kind of change, so markers differ without colour. */
    private static String markerSymbol(ChartData.Marker.Kind kind, double x, double y) {
        String cx = coordinate(x);
        return switch (kind) {
            case REVISED -> "<path d=\"M" + cx + " " + coordinate(y - 5) + "l5 5l-5 5l-5 -5z\" fill=\"#0072b2\"/>";
            case PAUSED -> "<rect x=\"" + coordinate(x - 4.5) + "\" y=\"" + coordinate(y - 5)
                    + "\" width=\"3\" height=\"10\" fill=\"#333333\"/><rect x=\"" + coordinate(x + 1.5) + "\" y=\""
                    + coordinate(y - 5) + "\" width=\"3\" height=\"10\" fill=\"#333333\"/>";
            case RESUMED -> "<path d=\"M" + coordinate(x - 4) + " " + coordinate(y - 5) + "l8 5l-8 5z\" fill=\"#333333\"/>";
            case COMPLETED -> "<circle cx=\"" + cx + "\" cy=\"" + coordinate(y) + "\" r=\"4.5\" fill=\"#009e73\"/>";
            case CANCELLED -> "<path d=\"M" + coordinate(x - 4) + " " + coordinate(y - 4) + "l8 8m0 -8l-8 8\""
                    + " stroke=\"#333333\" stroke-width=\"2\"/>";
        };
    }

    private static void symptomPanel(StringBuilder svg, ChartData.SymptomSeries series, List<WeekAssessment> weeks,
            double step, double top) {
        Instrument instrument = series.instrument();
        double span = instrument.max() - instrument.min();
        double bottom = top + SYMPTOM_HEIGHT;
        svg.append("<g class=\"symptoms\" data-instrument=\"").append(escape(instrument.code())).append("\">");
        svg.append("<text x=\"").append(coordinate(LEFT)).append("\" y=\"").append(coordinate(top - 8))
                .append("\" font-size=\"11\" font-weight=\"600\" fill=\"#1a1a1a\">").append(escape(series.name()))
                .append(instrument.lowerIsBetter() ? " (lower is better)" : " (higher is better)").append("</text>");
        svg.append("<rect x=\"").append(coordinate(LEFT)).append("\" y=\"").append(coordinate(top)).append("\" width=\"")
                .append(coordinate(PLOT_WIDTH)).append("\" height=\"").append(coordinate(SYMPTOM_HEIGHT))
                .append("\" fill=\"none\" stroke=\"#cccccc\"/>");
        double thresholdY = bottom - (instrument.threshold() - instrument.min()) / span * SYMPTOM_HEIGHT;
        svg.append("<line class=\"threshold\" x1=\"").append(coordinate(LEFT)).append("\" x2=\"")
                .append(coordinate(LEFT + PLOT_WIDTH)).append("\" y1=\"").append(coordinate(thresholdY))
                .append("\" y2=\"").append(coordinate(thresholdY))
                .append("\" stroke=\"#d55e00\" stroke-width=\"1\" stroke-dasharray=\"6 3\"/>");
        // The second axis, on the right: the instrument's scale and its threshold's figure, with
        // the word "threshold" under it (over it near the panel's foot), as the margin has no
        // room for both on one line. An end of the scale they would touch is left out.
        boolean wordBelow = bottom - thresholdY >= 24;
        double thresholdTop = wordBelow ? thresholdY - 6 : thresholdY - 18;
        double thresholdBottom = wordBelow ? thresholdY + 18 : thresholdY + 6;
        String axisX = coordinate(LEFT + PLOT_WIDTH + 6);
        svg.append("<g fill=\"#444444\" font-size=\"10\">");
        for (double value : new double[] {instrument.min(), instrument.max()}) {
            double y = bottom - (value - instrument.min()) / span * SYMPTOM_HEIGHT;
            if (y + 6 <= thresholdTop || y - 6 >= thresholdBottom) {
                svg.append("<text x=\"").append(axisX).append("\" y=\"").append(coordinate(y + 3.5)).append("\">")
                        .append(figure(value)).append("</text>");
            }
        }
        svg.append("<g class=\"threshold-label\" fill=\"#a63f00\"><text x=\"").append(axisX).append("\" y=\"")
                .append(coordinate(thresholdY + 3.5)).append("\">").append(figure(instrument.threshold()))
                .append("</text><text x=\"").append(axisX).append("\" y=\"")
                .append(coordinate(wordBelow ? thresholdY + 15.5 : thresholdY - 8)).append("\">threshold</text></g>");
        svg.append("</g>");
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (SymptomScore score : series.scores()) {
            double x = xOf(score.date(), weeks, step);
            if (Double.isNaN(x)) {
                continue;
            }
            double y = bottom - (score.score() - instrument.min()) / span * SYMPTOM_HEIGHT;
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(coordinate(x)).append(',').append(coordinate(y));
            dots.append("<circle class=\"score\" cx=\"").append(coordinate(x)).append("\" cy=\"").append(coordinate(y))
                    .append("\" r=\"3\" fill=\"#0072b2\"><title>").append(escape(series.name())).append(' ')
                    .append(figure(score.score())).append(" on ").append(score.date()).append("</title></circle>");
        }
        if (!points.isEmpty()) {
            svg.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"1.5\"/>");
        }
        svg.append(dots).append("</g>\n");
    }

    private static void legend(StringBuilder svg, double top) {
        List<String[]> swatches = new ArrayList<>();
        swatches.add(new String[] {"#009e73", "met"});
        swatches.add(new String[] {"url(#band-adequate)", "adequate"});
        swatches.add(new String[] {"url(#band-low)", "low"});
        swatches.add(new String[] {"url(#band-in-progress)", "in progress"});
        svg.append("<g class=\"legend\" font-size=\"10\" fill=\"#333333\">");
        double x = LEFT;
        for (String[] swatch : swatches) {
            svg.append("<rect x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(top))
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(swatch[0])
                    .append("\" stroke=\"#333333\" stroke-width=\"0.5\"/><text x=\"").append(coordinate(x + 16))
                    .append("\" y=\"").append(coordinate(top + 10)).append("\">").append(swatch[1]).append("</text>");
            x += 90;
        }
        svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(top + 10))
                .append("\">– nothing expected · ◆ revised · ‖ paused · ▶ resumed</text>");
        svg.append("</g>\n");
    }
}
