package com.homeworkapi.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An ISO-8601 week (Monday to Sunday), identified by its week-based year and number.
 * Week-based years differ from calendar years around New Year, which is why weeks are
 * never derived from {@code LocalDate.getYear()}.
 */
public record IsoWeek(int weekBasedYear, int week) implements Comparable<IsoWeek> {

    public IsoWeek {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("ISO week must be 1..53, was " + week);
        }
        if (week == 53 && weeksInYear(weekBasedYear) != 53) {
            throw new IllegalArgumentException(weekBasedYear + " has no ISO week 53");
        }
    }

    public static IsoWeek containing(LocalDate date) {
        // Plain arithmetic rather than IsoFields, whose range checks dominated bulk scoring.
        LocalDate thursday = thursdayOfWeek(date);
        return new IsoWeek(thursday.getYear(), weekNumberOf(thursday));
    }

    public static IsoWeek startingOn(LocalDate monday) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, " + monday + " is a " + monday.getDayOfWeek());
        }
        return containing(monday);
    }

    /** Parses "2026-W53". */
    public static IsoWeek parse(String text) {
        int separator = text.indexOf("-W");
        if (separator < 0) {
            throw new IllegalArgumentException("expected YYYY-Www, was " + text);
        }
        return new IsoWeek(Integer.parseInt(text.substring(0, separator)), Integer.parseInt(text.substring(separator + 2)));
    }

    public static int weeksInYear(int weekBasedYear) {
        // 28 December always lies in the last ISO week of its year.
        return weekNumberOf(thursdayOfWeek(LocalDate.of(weekBasedYear, 12, 28)));
    }

    /** A week belongs to the year its Thursday falls in. */
    private static LocalDate thursdayOfWeek(LocalDate date) {
        return date.plusDays(DayOfWeek.THURSDAY.getValue() - date.getDayOfWeek().getValue());
    }

    /** Week 1 holds the year's first Thursday, so a Thursday's week number follows from its day of the year. */
    private static int weekNumberOf(LocalDate thursday) {
        return (thursday.getDayOfYear() - 1) / 7 + 1;
    }

    public LocalDate monday() {
        // 4 January is always in week 1.
        LocalDate january4 = LocalDate.of(weekBasedYear, 1, 4);
        int daysAfterWeekOneMonday = january4.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        return january4.plusDays(7L * (week - 1) - daysAfterWeekOneMonday);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek plusWeeks(long weeks) {
        long target = week + weeks;
        // Every week-based year has at least 52 weeks, so these stay in this year.
        if (target >= 1 && target <= 52) {
            return new IsoWeek(weekBasedYear, (int) target);
        }
        return containing(monday().plusWeeks(weeks));
    }

    public IsoWeek next() {
        return plusWeeks(1);
    }

    /** Whole weeks from this week to {@code later}; negative when {@code later} is earlier. */
    public long weeksUntil(IsoWeek later) {
        return (later.monday().toEpochDay() - monday().toEpochDay()) / 7;
    }

    // Written out: weeks are compared for every row of every week, and the generated record
    // methods went through method handles there.
    @Override
    public boolean equals(Object other) {
        return other instanceof IsoWeek that && that.weekBasedYear == weekBasedYear && that.week == week;
    }

    @Override
    public int hashCode() {
        return 31 * weekBasedYear + week;
    }

    @Override
    public int compareTo(IsoWeek other) {
        return weekBasedYear != other.weekBasedYear
                ? Integer.compare(weekBasedYear, other.weekBasedYear)
                : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        if (weekBasedYear < 0 || weekBasedYear > 9999) {
            return String.format(Locale.ROOT, "%04d-W%02d", weekBasedYear, week);
        }
        // Zero-padded by hand: String.format is slow, and weeks are printed in every explanation and answer.
        StringBuilder text = new StringBuilder(8);
        for (int digits = 1000; digits > 1 && weekBasedYear < digits; digits /= 10) {
            text.append('0');
        }
        text.append(weekBasedYear).append("-W");
        if (week < 10) {
            text.append('0');
        }
        return text.append(week).toString();
    }
}
