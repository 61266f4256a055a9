package com.homeworkapi.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Small builders that keep the clinical stories readable. */
final class Fixtures {

    /** Compliance value meaning "nothing was expected that week". */
    static final double NOTHING = Double.NaN;
    static final int EXPECTED_PER_WEEK = 10;

    private Fixtures() {
    }

    /** Ended weeks from {@code first}, each with the given compliance (NaN: nothing expected). */
    static List<ClientWeek> weeks(IsoWeek first, double... compliance) {
        List<ClientWeek> weeks = new ArrayList<>(compliance.length);
        IsoWeek week = first;
        for (double value : compliance) {
            weeks.add(Double.isNaN(value)
                    ? ClientWeek.ended(week, 0, 0)
                    : ClientWeek.ended(week, EXPECTED_PER_WEEK, value * EXPECTED_PER_WEEK));
            week = week.next();
        }
        return weeks;
    }

    /** The same, with the last week still in progress. */
    static List<ClientWeek> weeksEndingInProgress(IsoWeek first, double... compliance) {
        List<ClientWeek> weeks = new ArrayList<>(weeks(first, compliance));
        ClientWeek last = weeks.remove(weeks.size() - 1);
        weeks.add(new ClientWeek(last.week(), true, last.expected(), EXPECTED_PER_WEEK, last.countedCredit(), 0, QualitySums.NONE));
        return weeks;
    }

    static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static SymptomScore phq9(int score, LocalDate date) {
        return new SymptomScore("phq9", score, date);
    }

    static SymptomScore ybocs(int score, LocalDate date) {
        return new SymptomScore("ybocs", score, date);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static AssignmentRecord assignment(RevisionRecord... revisions) {
        return AssignmentRecord.of(UUID.randomUUID(), revisions);
    }

    static ClientStatusReport classify(List<ClientWeek> weeks, List<SymptomScore> measurements) {
        return StatusClassifier.classify(weeks, measurements, Instrument.catalogue(List.of()), ScoringSettings.DEFAULTS);
    }

    static ClientStatusReport classify(List<ClientWeek> weeks) {
        return classify(weeks, List.of());
    }
}
