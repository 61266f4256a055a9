package com.homeworkapi.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
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
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
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
        return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public LocalDate monday() {
        // 4 January is always in week 1.
        LocalDate weekOne = LocalDate.of(weekBasedYear, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return weekOne.plusWeeks(week - 1L);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek plusWeeks(long weeks) {
        return containing(monday().plusWeeks(weeks));
    }

    public IsoWeek next() {
        return plusWeeks(1);
    }

    /** Whole weeks from this week to {@code later}; negative when {@code later} is earlier. */
    public long weeksUntil(IsoWeek later) {
        return (later.monday().toEpochDay() - monday().toEpochDay()) / 7;
    }

    @Override
    public int compareTo(IsoWeek other) {
        return weekBasedYear != other.weekBasedYear
                ? Integer.compare(weekBasedYear, other.weekBasedYear)
                : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d-W%02d", weekBasedYear, week);
    }
}
