package com.homeworkapi.chart;

import com.homeworkapi.scoring.AssignmentRecord;
import com.homeworkapi.scoring.AttemptRecord;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientScoring;
import com.homeworkapi.scoring.RevisionRecord;
import com.homeworkapi.scoring.ScheduleRule;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.SymptomScore;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The six records the issue names, built from scoring's own records at a fixed moment, so
 * their charts are the same bytes on every run: a clean 26 weeks, a slip, a relapse with
 * symptoms, a partial first week, a pause, and a client with three instruments; and a seventh
 * whose status sentence runs over several lines.
 */
final class RepresentativeRecords {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** A Wednesday: the current week (2026-W26) is in progress. */
    static final Instant NOW = LocalDate.of(2026, 6, 24).atTime(10, 0).atZone(ZONE).toInstant();
    static final LocalDate THIS_MONDAY = LocalDate.of(2026, 6, 22);

    /**
     * A record, the titles of its assignments, and what scoring made of it at {@link #NOW}.
     *
     * @param sentence the status sentence to draw instead of scoring's, or null for scoring's
     */
    record Example(String name, ClientRecord record, Map<UUID, String> titles, String sentence) {

        ClientScoreReport report() {
            return ClientScoring.score(record, ScoringSettings.DEFAULTS, NOW);
        }

        ChartData chart() {
            ClientScoreReport report = report();
            return ChartData.of(sentence == null ? report.summary() : sentence, report.status(),
                    report.status().weeks(), record, null, titles, ScoringSettings.DEFAULTS);
        }

        /** The name alone, so a parameterised test's name stays readable. */
        @Override
        public String toString() {
            return name;
        }
    }

    private RepresentativeRecords() {
    }

    static List<Example> all() {
        return List.of(clean26Weeks(), slip(), relapseWithSymptoms(), partialFirstWeek(), pause(), threeInstruments(),
                longStatusSentence());
    }

    static Example clean26Weeks() {
        UUID exposure = id("clean-exposure");
        Builder record = new Builder().assignment(exposure, "Leave the house without checking the stove",
                RevisionRecord.active(monday(26), ScheduleRule.timesPerWeek(3).between(monday(26), null)));
        for (int week = 26; week >= 1; week--) {
            record.completed(exposure, week, 3);
        }
        record.completed(exposure, 0, 1);
        return record.example("clean-26-weeks");
    }

    static Example slip() {
        UUID exposure = id("slip-exposure");
        Builder record = new Builder().assignment(exposure, "Ride the bus two stops",
                RevisionRecord.active(monday(24), ScheduleRule.timesPerWeek(3).between(monday(24), null)));
        for (int week = 24; week >= 1; week--) {
            if (week == 4) {
                record.skipped(exposure, week, 2);
            } else {
                record.completed(exposure, week, 3);
            }
        }
        return record.example("slip");
    }

    static Example relapseWithSymptoms() {
        UUID exposure = id("relapse-exposure");
        UUID thoughts = id("relapse-thoughts");
        Builder record = new Builder()
                .assignment(exposure, "Eat at a crowded cafe",
                        RevisionRecord.active(monday(20), ScheduleRule.timesPerWeek(3).between(monday(20), null)))
                .assignment(thoughts, "Thought record after each panic",
                        RevisionRecord.active(monday(18), ScheduleRule.daysOfWeek(
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)).between(monday(18), null)));
        for (int week = 20; week >= 1; week--) {
            boolean relapsing = week <= 5;
            record.completed(exposure, week, relapsing ? (week == 3 ? 1 : 0) : 3);
            if (relapsing) {
                record.skipped(exposure, week, 1);
            }
            if (week <= 18) {
                record.completed(thoughts, week, relapsing ? 0 : 2);
            }
        }
        record.measurement("phq9", 20, monday(20)).measurement("phq9", 15, monday(16))
                .measurement("phq9", 9, monday(12)).measurement("phq9", 7, monday(8))
                .measurement("phq9", 12, monday(4)).measurement("phq9", 15, monday(1));
        return record.example("relapse-with-symptoms");
    }

    static Example partialFirstWeek() {
        UUID exposure = id("partial-exposure");
        LocalDate thursday = monday(6).plusDays(3);
        Builder record = new Builder().assignment(exposure, "Touch the door handle without washing",
                RevisionRecord.active(thursday, ScheduleRule.timesPerWeek(3).between(thursday, null)));
        record.partial(exposure, 6, 4, 0.5);
        for (int week = 5; week >= 1; week--) {
            record.completed(exposure, week, 2).partial(exposure, week, 6, 0.75);
        }
        return record.example("partial-first-week");
    }

    static Example pause() {
        UUID exposure = id("pause-exposure");
        ScheduleRule threeTimes = ScheduleRule.timesPerWeek(3).between(monday(16), null);
        Builder record = new Builder().assignment(exposure, "Say \"no\" to a <colleague> & mean it",
                RevisionRecord.active(monday(16), threeTimes),
                new RevisionRecord(monday(9), RevisionRecord.Status.PAUSED, threeTimes),
                RevisionRecord.active(monday(5), threeTimes),
                RevisionRecord.active(monday(3), ScheduleRule.timesPerWeek(4).between(monday(16), null)));
        for (int week = 16; week >= 10; week--) {
            record.completed(exposure, week, 3);
        }
        for (int week = 5; week >= 1; week--) {
            record.completed(exposure, week, week <= 3 ? 4 : 3);
        }
        return record.example("pause");
    }

    static Example threeInstruments() {
        UUID exposure = id("three-exposure");
        UUID activation = id("three-activation");
        Builder record = new Builder()
                .assignment(exposure, "Drive on the motorway for ten minutes",
                        RevisionRecord.active(monday(12), ScheduleRule.timesPerWeek(2).between(monday(12), null)))
                .assignment(activation, "Walk in the park before breakfast",
                        RevisionRecord.active(monday(12), ScheduleRule.daily().between(monday(12), null)));
        for (int week = 12; week >= 1; week--) {
            record.completed(exposure, week, week % 4 == 0 ? 1 : 2).completed(activation, week, 4 + week % 3);
        }
        int[] phq9 = {18, 15, 12, 10, 8};
        int[] gad7 = {14, 12, 11, 8, 6};
        int[] ybocs = {26, 24, 20, 17, 15};
        for (int i = 0; i < phq9.length; i++) {
            LocalDate date = monday(12 - 3 * i).plusDays(1);
            record.measurement("phq9", phq9[i], date).measurement("gad7", gad7[i], date)
                    .measurement("ybocs", ybocs[i], date);
        }
        return record.example("three-instruments");
    }

    /**
     * Three harder weeks after good ones, with PHQ-9 gains, and a status sentence longer than
     * any scoring writes today (a translation or a clinic's own wording runs longer): the
     * title wraps onto three lines and the drawing grows to hold them.
     */
    static Example longStatusSentence() {
        UUID exposure = id("long-exposure");
        Builder record = new Builder().assignment(exposure, "Answer the phone when it rings",
                RevisionRecord.active(monday(14), ScheduleRule.timesPerWeek(3).between(monday(14), null)));
        for (int week = 14; week >= 1; week--) {
            if (week <= 3) {
                record.completed(exposure, week, 1).skipped(exposure, week, 2);
            } else {
                record.completed(exposure, week, 3);
            }
        }
        record.measurement("phq9", 18, monday(14)).measurement("phq9", 10, monday(8))
                .measurement("phq9", 13, monday(2));
        return record.example("long-status-sentence", "The last few weeks have been harder, a good moment to plan"
                + " the next steps together; you have kept most of your gains since March, and the weeks you kept"
                + " up your exposures are the ones that helped most, so the next session can start from what went"
                + " well before it turns to what got in the way.");
    }

    /** A year of two assignments and three instruments: the largest chart a range of 52 weeks draws. */
    static Example fiftyTwoWeeks() {
        UUID exposure = id("year-exposure");
        UUID thoughts = id("year-thoughts");
        ScheduleRule threeTimes = ScheduleRule.timesPerWeek(3).between(monday(52), null);
        Builder record = new Builder()
                .assignment(exposure, "Exposure with a rather long title that a clinician typed in full",
                        RevisionRecord.active(monday(52), threeTimes),
                        new RevisionRecord(monday(30), RevisionRecord.Status.PAUSED, threeTimes),
                        RevisionRecord.active(monday(28), threeTimes),
                        RevisionRecord.active(monday(10), ScheduleRule.timesPerWeek(4).between(monday(52), null)))
                .assignment(thoughts, "Thought record",
                        RevisionRecord.active(monday(52), ScheduleRule.daily().between(monday(52), null)));
        for (int week = 52; week >= 1; week--) {
            record.completed(exposure, week, week % 7 == 0 ? 1 : 3).partial(exposure, week, 5, 0.5)
                    .completed(thoughts, week, week % 5 == 0 ? 2 : 6);
        }
        for (int week = 52; week >= 1; week -= 2) {
            record.measurement("phq9", 8 + week % 9, monday(week)).measurement("gad7", 5 + week % 7, monday(week))
                    .measurement("ybocs", 12 + week % 13, monday(week));
        }
        return record.example("fifty-two-weeks");
    }

    static LocalDate monday(int weeksAgo) {
        return THIS_MONDAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeksAgo);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Collects a record: attempts are logged in the evening of Tuesday and the days after it. */
    private static final class Builder {

        private final List<AssignmentRecord> assignments = new ArrayList<>();
        private final List<AttemptRecord> attempts = new ArrayList<>();
        private final List<SymptomScore> measurements = new ArrayList<>();
        private final Map<UUID, String> titles = new LinkedHashMap<>();

        Builder assignment(UUID id, String title, RevisionRecord... revisions) {
            assignments.add(AssignmentRecord.of(id, revisions));
            titles.put(id, title);
            return this;
        }

        Builder completed(UUID assignment, int weeksAgo, int times) {
            for (int day = 0; day < times; day++) {
                attempts.add(AttemptRecord.completed(assignment, evening(weeksAgo, day)));
            }
            return this;
        }

        Builder skipped(UUID assignment, int weeksAgo, int times) {
            for (int day = 0; day < times; day++) {
                attempts.add(AttemptRecord.skipped(assignment, evening(weeksAgo, 5 - day)));
            }
            return this;
        }

        Builder partial(UUID assignment, int weeksAgo, int day, double fraction) {
            attempts.add(AttemptRecord.partial(assignment, evening(weeksAgo, day - 1), fraction));
            return this;
        }

        Builder measurement(String instrument, double score, LocalDate date) {
            measurements.add(new SymptomScore(instrument, score, date));
            return this;
        }

        /** The evening of the {@code day}-th day after Monday (0: Tuesday) of that week. */
        private static Instant evening(int weeksAgo, int day) {
            return monday(weeksAgo).plusDays(1L + day).atTime(LocalTime.of(19, 0)).atZone(ZONE).toInstant();
        }

        Example example(String name) {
            return example(name, null);
        }

        Example example(String name, String sentence) {
            ClientRecord record = new ClientRecord(ZONE, assignments, attempts, List.of(), measurements, List.of());
            return new Example(name, record, titles, sentence);
        }
    }
}
