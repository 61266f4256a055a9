package com.homeworkapi.scoring;

/**
 * A client's homework figures for one ISO week, summed over assignments. Step (c) takes a
 * series of these, so they may come straight from precomputed weekly rows.
 *
 * @param expected          expected occurrences compliance is measured against (so far, while in progress)
 * @param expectedWholeWeek expected occurrences over the whole week
 * @param countedCredit     sum over assignments of min(credit, expected)
 * @param extraPractice     sum over assignments of credit above the whole week's expectation
 */
public record ClientWeek(
        IsoWeek week,
        boolean inProgress,
        int expected,
        int expectedWholeWeek,
        double countedCredit,
        double extraPractice,
        QualitySums quality) {

    public ClientWeek {
        if (week == null || quality == null) {
            throw new IllegalArgumentException("week and quality are required");
        }
        if (expected < 0 || expectedWholeWeek < 0 || countedCredit < 0 || extraPractice < 0) {
            throw new IllegalArgumentException("figures must not be negative in " + week);
        }
        if (countedCredit > expected + 1e-9) {
            throw new IllegalArgumentException("counted credit " + countedCredit + " exceeds expected " + expected + " in " + week);
        }
    }

    /** A finished week with the given figures and no ratings; handy for precomputed rows. */
    public static ClientWeek ended(IsoWeek week, int expected, double countedCredit) {
        return new ClientWeek(week, false, expected, expected, countedCredit, 0, QualitySums.NONE);
    }

    /** Each expected occurrence weighs the same: counted credit over expected; null when nothing was expected. */
    public Double compliance() {
        return expected == 0 ? null : countedCredit / expected;
    }

    /** Adds assignment rows of one week together. */
    public static final class Builder {
        private final IsoWeek week;
        private boolean inProgress;
        private int expected;
        private int expectedWholeWeek;
        private double countedCredit;
        private double extraPractice;
        private QualitySums quality = QualitySums.NONE;

        public Builder(IsoWeek week) {
            this.week = week;
        }

        public IsoWeek week() {
            return week;
        }

        public Builder add(AssignmentWeek row) {
            if (!row.week().equals(week)) {
                throw new IllegalArgumentException("row of " + row.week() + " added to " + week);
            }
            inProgress |= row.inProgress();
            expected += row.expectedToDate();
            expectedWholeWeek += row.expected();
            countedCredit += row.countedCredit();
            extraPractice += row.extraPractice();
            quality = quality.plus(row.quality());
            return this;
        }

        public ClientWeek build() {
            return new ClientWeek(week, inProgress, expected, expectedWholeWeek, countedCredit, extraPractice, quality);
        }
    }
}
