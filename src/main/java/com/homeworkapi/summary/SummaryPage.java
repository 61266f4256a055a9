package com.homeworkapi.summary;

import static com.homeworkapi.chart.Markup.escape;
import static com.homeworkapi.chart.Markup.figure;
import static com.homeworkapi.chart.Markup.percent;

import com.homeworkapi.assignment.Assignment;
import com.homeworkapi.assignment.Schedule;
import com.homeworkapi.assignment.Weekday;
import com.homeworkapi.compliance.ComplianceService;
import com.homeworkapi.compliance.ObstacleSummary;
import com.homeworkapi.scoring.AssignmentWeek;
import com.homeworkapi.scoring.Band;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.PracticeProgress;
import com.homeworkapi.scoring.SymptomSummary;
import com.homeworkapi.scoring.WeekAssessment;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The session summary as one HTML page: inline CSS with a print stylesheet sized for A4 and
 * Letter, no script, nothing loaded from elsewhere, and every text a caller stored escaped,
 * so a name or note with markup shows as text.
 */
final class SummaryPage {

    /** Weeks of each active assignment shown: the last quarter, enough to plan the next session. */
    static final int ASSIGNMENT_WEEKS = 12;

    private static final DateTimeFormatter COMPUTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    record Note(LocalDate date, String assignmentTitle, String outcome, String text) {
    }

    record LatestReview(LocalDate weekStart, List<String> obstacles, String obstaclesNote, String nextWeekChanges,
            Map<UUID, String> itemNotes) {
    }

    record Content(String displayName, ComplianceService.View view, String chart, Map<String, Instrument> instruments,
            Map<UUID, String> titles, ObstacleSummary obstacles, List<Note> notes, LatestReview review,
            List<Assignment> active) {
    }

    private SummaryPage() {
    }

    static String render(Content content) {
        ComplianceService.View view = content.view();
        String name = content.displayName() == null || content.displayName().isBlank() ? "Client"
                : content.displayName();
        StringBuilder html = new StringBuilder(16384 + content.chart().length());
        // Well-formed XML as well as HTML (void elements closed), so tools can read it either way.
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Session summary: ").append(escape(name)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main data-client-id=\"")
                .append(view.client().id).append("\">\n");
        html.append("<header><h1>").append(escape(name)).append("</h1><p class=\"meta\">Session summary · weeks ")
                .append(view.range().from()).append(" to ").append(view.range().to()).append(" · figures of ")
                .append(COMPUTED_AT.format(view.report().computedAt().atZone(view.report().timeZones().current())))
                .append(" (").append(escape(view.report().timeZones().current().getId())).append(")</p></header>\n");
        status(html, view);
        html.append("<section class=\"chart\">\n").append(content.chart()).append("</section>\n");
        html.append("<div class=\"columns\">\n");
        progress(html, view, content.instruments());
        practice(html, view.report().practice(), content.titles());
        html.append("</div>\n");
        obstacles(html, content);
        assignments(html, content);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void status(StringBuilder html, ComplianceService.View view) {
        var status = view.status();
        html.append("<section class=\"status\" data-status=\"").append(status.status().code()).append("\">")
                .append("<h2>Status: ").append(status.status().code().replace('_', ' ')).append("</h2>")
                .append("<p class=\"sentence\">").append(escape(view.sentence())).append("</p>")
                .append("<p class=\"evidence\">").append(escape(capitalised(status.evidence().explanation())))
                .append(". Rule: <code>").append(escape(status.evidence().rule())).append("</code>");
        if (!status.evidence().weeks().isEmpty()) {
            html.append("; weeks ");
            for (int i = 0; i < status.evidence().weeks().size(); i++) {
                Double compliance = status.evidence().compliance().get(i);
                html.append(i == 0 ? "" : ", ").append(status.evidence().weeks().get(i))
                        .append(compliance == null ? "" : " (" + percent(compliance) + ")");
            }
        }
        html.append(".</p></section>\n");
    }

    /** "Still 7 of the 13 points of PHQ-9 improvement": the share of gains held, per instrument. */
    private static void progress(StringBuilder html, ComplianceService.View view, Map<String, Instrument> instruments) {
        html.append("<section class=\"progress\"><h2>Progress retained</h2>");
        List<SymptomSummary> symptoms = view.report().status().symptoms();
        if (symptoms.isEmpty()) {
            html.append("<p>No symptom measurements yet.</p></section>\n");
            return;
        }
        html.append("<ul>");
        for (SymptomSummary symptom : symptoms) {
            Instrument instrument = instruments.get(symptom.instrumentCode());
            String name = instrumentName(symptom.instrumentCode());
            html.append("<li data-instrument=\"").append(escape(symptom.instrumentCode())).append("\">");
            double gains = instrument == null ? 0 : instrument.improvement(symptom.baseline().score(), symptom.best().score());
            if (!symptom.hasFollowUp()) {
                html.append(escape(name)).append(": baseline ").append(figure(symptom.baseline().score())).append(" on ")
                        .append(symptom.baseline().date()).append(", no follow-up yet");
            } else if (gains > 0) {
                html.append("Still <strong>").append(figure(Math.max(0, symptom.improvement()))).append(" of the ")
                        .append(figure(gains)).append(" points</strong> of ").append(escape(name)).append(" improvement");
                if (symptom.progressRetained() != null) {
                    html.append(" (").append(percent(Math.max(0, symptom.progressRetained()))).append(" held)");
                }
                html.append(": baseline ").append(figure(symptom.baseline().score())).append(", best ")
                        .append(figure(symptom.best().score())).append(" on ").append(symptom.best().date())
                        .append(", latest ").append(figure(symptom.latest().score())).append(" on ")
                        .append(symptom.latest().date());
            } else {
                html.append(escape(name)).append(": no improvement on the baseline ")
                        .append(figure(symptom.baseline().score())).append(" yet; latest ")
                        .append(figure(symptom.latest().score())).append(" on ").append(symptom.latest().date());
            }
            if (instrument != null) {
                html.append(", ").append(instrument.isClinical(symptom.latest().score()) ? "at or past" : "below")
                        .append(" the clinical threshold ").append(figure(instrument.threshold()));
            }
            html.append(".</li>");
        }
        html.append("</ul></section>\n");
    }

    private static void practice(StringBuilder html, PracticeProgress practice, Map<UUID, String> titles) {
        html.append("<section class=\"practice\"><h2>Practice</h2>");
        if (practice.first() == null || practice.first().count() == 0) {
            html.append("<p>No assignment has been active yet.</p></section>\n");
            return;
        }
        html.append("<ul><li>First: ").append(assignmentSet(practice.first())).append("</li>");
        html.append("<li>Now: ").append(assignmentSet(practice.current())).append("</li>");
        for (PracticeProgress.ExposureSeries exposure : practice.exposures()) {
            html.append("<li>\u201c").append(escape(titles.getOrDefault(exposure.assignmentId(), "")))
                    .append("\u201d: peak SUDS ").append(exposure.firstPeakSuds()).append(" → ")
                    .append(exposure.latestPeakSuds()).append(" over ").append(exposure.attemptsWithPeak())
                    .append(" attempts</li>");
        }
        html.append("</ul></section>\n");
    }

    private static String assignmentSet(PracticeProgress.AssignmentSet set) {
        String kinds = set.countByKind().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(kind -> kind.getValue() + " " + kind.getKey().replace('_', ' '))
                .collect(Collectors.joining(", "));
        return set.count() + (set.count() == 1 ? " assignment" : " assignments") + " in " + set.week() + " (" + kinds
                + ")" + (set.meanDifficulty() == null ? "" : ", mean difficulty " + figure(set.meanDifficulty()));
    }

    private static void obstacles(StringBuilder html, Content content) {
        ObstacleSummary obstacles = content.obstacles();
        html.append("<section class=\"obstacles\"><h2>What got in the way</h2>");
        if (obstacles.skipped() + obstacles.partial() == 0) {
            html.append("<p>No skipped or partial attempts in these weeks.</p>");
        } else {
            html.append("<p>").append(obstacles.skipped()).append(" skipped and ").append(obstacles.partial())
                    .append(" partial attempts");
            if (obstacles.withoutObstacle() > 0) {
                html.append(", ").append(obstacles.withoutObstacle()).append(" without a reason named");
            }
            html.append(".</p><ul>");
            for (ObstacleSummary.ObstacleCount count : obstacles.overall()) {
                html.append("<li data-obstacle=\"").append(count.obstacle()).append("\"><strong>")
                        .append(count.obstacle().replace('_', ' ')).append("</strong>: ").append(count.count())
                        .append(count.count() == 1 ? " time" : " times").append(", most in ")
                        .append(count.weeks().stream().limit(3).map(week -> week.week() + " (" + week.count() + ")")
                                .collect(Collectors.joining(", ")));
                List<String> byAssignment = obstacles.assignments().stream()
                        .filter(row -> row.obstacles().stream().anyMatch(own -> own.obstacle().equals(count.obstacle())))
                        .map(row -> "\u201c" + escape(content.titles().getOrDefault(row.assignmentId(), "")) + "\u201d")
                        .toList();
                html.append("; ").append(String.join(", ", byAssignment)).append("</li>");
            }
            html.append("</ul>");
        }
        if (!content.notes().isEmpty()) {
            html.append("<h3>In the client's words</h3><ul class=\"notes\">");
            for (Note note : content.notes()) {
                html.append("<li>").append(note.date()).append(", \u201c").append(escape(note.assignmentTitle()))
                        .append("\u201d ").append(note.outcome()).append(": <q>").append(escape(note.text()))
                        .append("</q></li>");
            }
            html.append("</ul>");
        }
        LatestReview review = content.review();
        if (review != null) {
            html.append("<h3>Last review, week of ").append(review.weekStart()).append("</h3><ul class=\"review\">");
            if (!review.obstacles().isEmpty()) {
                html.append("<li>Obstacles: ").append(review.obstacles().stream().map(code -> code.replace('_', ' '))
                        .collect(Collectors.joining(", "))).append("</li>");
            }
            if (review.obstaclesNote() != null && !review.obstaclesNote().isBlank()) {
                html.append("<li>On obstacles: <q>").append(escape(review.obstaclesNote())).append("</q></li>");
            }
            if (review.nextWeekChanges() != null && !review.nextWeekChanges().isBlank()) {
                html.append("<li>Changes agreed: <q>").append(escape(review.nextWeekChanges())).append("</q></li>");
            }
            review.itemNotes().forEach((assignmentId, note) -> html.append("<li>\u201c")
                    .append(escape(content.titles().getOrDefault(assignmentId, ""))).append("\u201d: <q>")
                    .append(escape(note)).append("</q></li>"));
            html.append("</ul>");
        }
        html.append("</section>\n");
    }

    private static void assignments(StringBuilder html, Content content) {
        ComplianceService.View view = content.view();
        html.append("<section class=\"assignments\"><h2>Active assignments</h2>");
        if (content.active().isEmpty()) {
            html.append("<p>None.</p></section>\n");
            return;
        }
        List<WeekAssessment> weeks = view.weeks();
        List<WeekAssessment> shown = weeks.subList(Math.max(0, weeks.size() - ASSIGNMENT_WEEKS), weeks.size());
        for (Assignment assignment : content.active()) {
            html.append("<div class=\"assignment\"><h3>").append(escape(assignment.terms.title())).append("</h3>")
                    .append("<p class=\"schedule\">").append(assignment.terms.kind().toString().replace('_', ' '))
                    .append(", ").append(schedule(assignment.terms.schedule())).append("</p>");
            html.append("<table><tr>");
            for (WeekAssessment week : shown) {
                html.append("<th scope=\"col\">W").append(String.format(Locale.ROOT, "%02d", week.week().week()))
                        .append("</th>");
            }
            html.append("</tr><tr>");
            for (WeekAssessment week : shown) {
                AssignmentWeek row = view.rowsByWeek().getOrDefault(week.week(), List.of()).stream()
                        .filter(own -> own.assignmentId().equals(assignment.id)).findFirst().orElse(null);
                html.append(cell(row, view));
            }
            html.append("</tr></table></div>");
        }
        html.append("</section>\n");
    }

    private static String cell(AssignmentWeek row, ComplianceService.View view) {
        if (row == null || row.expectedToDate() == 0 && row.credit() == 0) {
            return "<td class=\"none\">–</td>";
        }
        Band band = row.inProgress() ? Band.IN_PROGRESS
                : row.compliance() == null ? Band.NOTHING_EXPECTED : view.settings().band(row.compliance());
        return "<td class=\"" + band.code().replace('_', '-') + "\">" + figure(row.credit()) + "/"
                + row.expectedToDate() + "</td>";
    }

    private static String schedule(Schedule schedule) {
        String when = switch (schedule.type()) {
            case TIMES_PER_WEEK -> schedule.timesPerWeek() + (schedule.timesPerWeek() == 1 ? " time" : " times") + " a week";
            case DAYS_OF_WEEK -> "on " + schedule.daysOfWeek().stream().map(Weekday::name)
                    .map(day -> day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            case DAILY -> "daily";
            case ONCE -> "once, due " + schedule.dueDate();
        };
        return when + ", since " + schedule.startDate() + (schedule.endDate() == null ? "" : " until " + schedule.endDate());
    }

    private static String instrumentName(String code) {
        return switch (code) {
            case "phq9" -> "PHQ-9";
            case "gad7" -> "GAD-7";
            case "ybocs" -> "Y-BOCS";
            default -> code;
        };
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final String STYLE = """
            :root { color: #1a1a1a; background: #ffffff; }
            body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 820px; margin: 0 auto; padding: 16px; }
            header h1 { font-size: 22px; margin: 0; overflow-wrap: anywhere; }
            h2 { font-size: 15px; margin: 12px 0 4px; }
            h3 { font-size: 13px; margin: 8px 0 2px; overflow-wrap: anywhere; }
            p, ul { margin: 2px 0 6px; }
            ul { padding-left: 18px; }
            li, p, q { overflow-wrap: anywhere; }
            .meta { color: #555555; font-size: 12px; }
            .evidence { color: #333333; font-size: 12px; }
            .chart svg { display: block; width: 100%; height: auto; }
            .columns { display: flex; gap: 16px; }
            .columns > section { flex: 1 1 0; min-width: 0; }
            table { border-collapse: collapse; font-size: 11px; margin-bottom: 4px; }
            th, td { border: 1px solid #bbbbbb; padding: 1px 4px; text-align: center; min-width: 28px; }
            th { font-weight: 500; color: #444444; }
            td.met { background: #d6f0e5; }
            td.adequate { background: #fbe9c4; }
            td.low { background: #f6d0bd; font-weight: 600; }
            td.in-progress { border-style: dashed; }
            section { break-inside: avoid; }
            @page { margin: 10mm; }
            @media print {
              body { font-size: 10px; }
              main { max-width: none; padding: 0; }
              header h1 { font-size: 16px; }
              h2 { font-size: 12px; margin-top: 6px; }
              h3 { font-size: 11px; margin-top: 4px; }
              .meta, .evidence { font-size: 9px; }
              table { font-size: 9px; }
              .chart svg { max-height: 105mm; }
            }
            """;
}
