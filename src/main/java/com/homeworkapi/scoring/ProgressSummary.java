package com.homeworkapi.scoring;

import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A short plain-language summary a client app can show. It never names anyone and speaks
 * about slips as part of the road, as the lapse-relapse model advises.
 */
public final class ProgressSummary {

    private ProgressSummary() {
    }

    public static String forClient(ClientStatusReport report) {
        StringBuilder text = new StringBuilder(statusSentence(report));
        SymptomSummary gains = firstWithGains(report);
        if (gains != null) {
            String since = gains.baseline().date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            long percent = Math.round(Math.max(0, gains.progressRetained()) * 100);
            // Replace the closing full stop with a semicolon so the two halves read as one sentence.
            text.setLength(text.length() - 1);
            text.append(percent >= 100
                    ? "; your latest score is your best since " + since + "."
                    : "; you have kept " + percent + "% of your gains since " + since + ".");
        }
        return text.toString();
    }

    private static String statusSentence(ClientStatusReport report) {
        WeekAssessment lastEnded = report.lastEndedWeek();
        String week = lastEnded != null && report.weeks().get(report.weeks().size() - 1).inProgress() ? "Last week" : "This week";
        return switch (report.status()) {
            case NOT_ESTABLISHED -> "You are settling into your homework routine.";
            case ON_TRACK -> "You are on track with your homework.";
            case SLIP -> week + " was a slip.";
            case AT_RISK -> "The last few weeks have been harder, a good moment to plan the next steps together.";
            case RELAPSE -> "Things have been harder for a while, and your therapist can help you get back on track.";
            case RECOVERING -> "You are getting back on track after a harder spell.";
        };
    }

    private static SymptomSummary firstWithGains(ClientStatusReport report) {
        for (SymptomSummary symptom : report.symptoms()) {
            if (symptom.progressRetained() != null) {
                return symptom;
            }
        }
        return null;
    }
}
