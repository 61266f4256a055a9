package com.homeworkapi.chart;

import com.homeworkapi.scoring.AssignmentRecord;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientStatusReport;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.RevisionRecord;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.SymptomScore;
import com.homeworkapi.scoring.WeekAssessment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one compliance chart shows: the weeks of the range with their status, the symptom
 * scores of each instrument in the range, and the assignments' revisions and pauses.
 *
 * @param title    the status sentence, also the chart's accessible name
 * @param weeks    the weeks of the range, oldest first
 * @param symptoms one series per instrument measured in the range, by instrument code
 * @param markers  revisions and lifecycle changes that took effect in the range, by date
 */
public record ChartData(
        String title,
        ClientStatusReport status,
        List<WeekAssessment> weeks,
        List<SymptomSeries> symptoms,
        List<Marker> markers,
        ScoringSettings settings) {

    public ChartData {
        weeks = List.copyOf(weeks);
        symptoms = List.copyOf(symptoms);
        markers = List.copyOf(markers);
    }

    /**
     * The chart of a client's weeks, or with {@code assignmentId} of one assignment's weeks: a
     * client's chart has a panel per instrument measured in the weeks drawn and every
     * assignment's markers; one assignment's has its own markers and no symptom panels, as its
     * status reads homework alone.
     *
     * @param weeks  the weeks to draw, oldest first; symptoms and markers are those dated within them
     * @param titles the assignments' titles by id, for the markers
     */
    public static ChartData of(String title, ClientStatusReport status, List<WeekAssessment> weeks, ClientRecord record,
            UUID assignmentId, Map<UUID, String> titles, ScoringSettings settings) {
        if (weeks.isEmpty()) {
            return new ChartData(title, status, weeks, List.of(), List.of(), settings);
        }
        LocalDate from = weeks.get(0).week().monday();
        LocalDate to = weeks.get(weeks.size() - 1).week().sunday();
        List<AssignmentRecord> drawn = record.assignments().stream()
                .filter(assignment -> assignmentId == null || assignment.id().equals(assignmentId))
                .toList();
        List<SymptomSeries> symptoms = assignmentId != null ? List.of()
                : symptomsBetween(record.measurements(), Instrument.catalogue(record.clinicInstruments()), from, to);
        return new ChartData(title, status, weeks, symptoms, markersBetween(drawn, titles, from, to), settings);
    }

    /** One instrument's scores in the range, oldest first. */
    public record SymptomSeries(Instrument instrument, List<SymptomScore> scores) {

        public SymptomSeries {
            scores = List.copyOf(scores);
        }

        /** The name clinicians write: PHQ-9 rather than phq9; a clinic's own instrument by its code. */
        public String name() {
            return switch (instrument.code()) {
                case "phq9" -> "PHQ-9";
                case "gad7" -> "GAD-7";
                case "ybocs" -> "Y-BOCS";
                default -> instrument.code();
            };
        }
    }

    /** A change to one assignment that took effect on {@code date}. */
    public record Marker(LocalDate date, Kind kind, String assignmentTitle) {

        public enum Kind {
            REVISED("revised"), PAUSED("paused"), RESUMED("resumed"), COMPLETED("completed"), CANCELLED("cancelled");

            public final String word;

            Kind(String word) {
                this.word = word;
            }
        }
    }

    /**
     * Each instrument's measurements dated within {@code from..to}, instruments in code order
     * so the panels keep their places from one request to the next.
     */
    public static List<SymptomSeries> symptomsBetween(List<SymptomScore> measurements, Map<String, Instrument> instruments,
            LocalDate from, LocalDate to) {
        Map<String, List<SymptomScore>> byCode = new TreeMap<>();
        for (SymptomScore score : measurements) {
            if (!score.date().isBefore(from) && !score.date().isAfter(to) && instruments.containsKey(score.instrumentCode())) {
                byCode.computeIfAbsent(score.instrumentCode(), code -> new ArrayList<>()).add(score);
            }
        }
        List<SymptomSeries> series = new ArrayList<>(byCode.size());
        byCode.forEach((code, scores) -> {
            List<SymptomScore> ordered = new ArrayList<>(scores);
            ordered.sort(Comparator.comparing(SymptomScore::date));
            series.add(new SymptomSeries(instruments.get(code), ordered));
        });
        return series;
    }

    /**
     * Every revision after an assignment's first that took effect within {@code from..to}: a
     * pause, a resumption, an end, or else a revision of its terms. Titles come from the caller.
     */
    public static List<Marker> markersBetween(List<AssignmentRecord> assignments, Map<UUID, String> titles,
            LocalDate from, LocalDate to) {
        List<Marker> markers = new ArrayList<>();
        for (AssignmentRecord assignment : assignments) {
            List<RevisionRecord> revisions = assignment.revisions();
            for (int i = 1; i < revisions.size(); i++) {
                RevisionRecord revision = revisions.get(i);
                if (revision.effective().isBefore(from) || revision.effective().isAfter(to)) {
                    continue;
                }
                markers.add(new Marker(revision.effective(), kindOf(revisions.get(i - 1), revision),
                        titles.getOrDefault(assignment.id(), "")));
            }
        }
        markers.sort(Comparator.comparing(Marker::date).thenComparing(Marker::kind)
                .thenComparing(Marker::assignmentTitle));
        return markers;
    }

    private static Marker.Kind kindOf(RevisionRecord before, RevisionRecord revision) {
        if (revision.status() != before.status()) {
            return switch (revision.status()) {
                case PAUSED -> Marker.Kind.PAUSED;
                case ACTIVE -> before.status() == RevisionRecord.Status.PAUSED ? Marker.Kind.RESUMED : Marker.Kind.REVISED;
                case COMPLETED -> Marker.Kind.COMPLETED;
                case CANCELLED -> Marker.Kind.CANCELLED;
            };
        }
        return Marker.Kind.REVISED;
    }
}
