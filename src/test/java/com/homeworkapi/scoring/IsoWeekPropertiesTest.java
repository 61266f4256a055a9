package com.homeworkapi.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** IsoWeek computes weeks with plain arithmetic; java.time's IsoFields is the reference it must match. */
class IsoWeekPropertiesTest {

    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @Property(tries = 5000)
    void containingMatchesIsoFields(@ForAll("dates") LocalDate date) {
        assertMatchesIsoFields(date);
    }

    /** Every day around New Year, where week-based and calendar years part, over four centuries. */
    @Example
    void containingMatchesIsoFieldsAroundEveryNewYear() {
        for (int year = 1800; year <= 2200; year++) {
            LocalDate newYear = LocalDate.of(year, 1, 1);
            for (int offset = -10; offset <= 10; offset++) {
                assertMatchesIsoFields(newYear.plusDays(offset));
            }
        }
    }

    @Example
    void containingMatchesIsoFieldsOnEveryDayOfTheseCenturies() {
        for (LocalDate date = LocalDate.of(1900, 1, 1); date.getYear() < 2101; date = date.plusDays(1)) {
            assertMatchesIsoFields(date);
        }
    }

    @Property(tries = 2000)
    void weeksInYearMatchesIsoFields(@ForAll @IntRange(min = 1, max = 9998) int year) {
        int expected = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        assertEquals(expected, IsoWeek.weeksInYear(year), () -> "weeks in " + year);
    }

    @Property(tries = 5000)
    void mondayAndSundayMatchJavaTime(@ForAll("dates") LocalDate date) {
        IsoWeek week = IsoWeek.containing(date);
        LocalDate weekOneMonday = LocalDate.of(week.weekBasedYear(), 1, 4)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate expectedMonday = weekOneMonday.plusWeeks(week.week() - 1L);

        assertEquals(expectedMonday, week.monday(), () -> week.toString());
        assertEquals(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), week.monday());
        assertEquals(expectedMonday.plusDays(6), week.sunday());
        assertEquals(week, IsoWeek.startingOn(week.monday()));
    }

    @Property(tries = 5000)
    void plusWeeksMatchesJavaTime(@ForAll("dates") LocalDate date, @ForAll @LongRange(min = -600, max = 600) long weeks) {
        IsoWeek week = IsoWeek.containing(date);
        LocalDate later = date.plusWeeks(weeks);
        IsoWeek expected = new IsoWeek(later.get(IsoFields.WEEK_BASED_YEAR), later.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        assertEquals(expected, week.plusWeeks(weeks), () -> week + " plus " + weeks);
        assertEquals(weeks, week.weeksUntil(expected));
    }

    @Example
    void nextWalksEveryWeekOfTheseCenturiesInOrder() {
        IsoWeek week = IsoWeek.containing(LocalDate.of(1900, 1, 1));
        for (LocalDate monday = week.monday(); monday.getYear() < 2101; monday = monday.plusWeeks(1)) {
            assertEquals(monday, week.monday());
            IsoWeek current = week;
            IsoWeek next = week.next();
            assertTrue(next.compareTo(current) > 0, () -> next + " after " + current);
            week = next;
        }
    }

    @Property(tries = 3000)
    void toStringPrintsAsFormatWould(@ForAll @IntRange(min = -20_000, max = 20_000) int year, @ForAll @IntRange(min = 1, max = 52) int number) {
        assertEquals(String.format(Locale.ROOT, "%04d-W%02d", year, number), new IsoWeek(year, number).toString());
    }

    @Example
    void toStringPadsYearsAndWeeks() {
        assertEquals("0007-W01", new IsoWeek(7, 1).toString());
        assertEquals("0999-W09", new IsoWeek(999, 9).toString());
        assertEquals("2026-W53", new IsoWeek(2026, 53).toString());
        assertEquals("-001-W10", new IsoWeek(-1, 10).toString());
        assertEquals("10000-W10", new IsoWeek(10_000, 10).toString());
    }

    private static void assertMatchesIsoFields(LocalDate date) {
        IsoWeek week = IsoWeek.containing(date);
        assertEquals(date.get(IsoFields.WEEK_BASED_YEAR), week.weekBasedYear(), () -> "year of " + date);
        assertEquals(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), week.week(), () -> "week of " + date);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> anyDay = Arbitraries.longs()
                .between(EARLIEST.toEpochDay() + 7, LATEST.toEpochDay() - 7 * 700)
                .map(LocalDate::ofEpochDay);
        // Week 53 years and the last and first days of years, where mistakes would show.
        Arbitrary<LocalDate> yearEdge = Arbitraries.integers().between(1, 9000).flatMap(year ->
                Arbitraries.integers().between(-7, 7).map(offset -> LocalDate.of(year, 1, 1).plusDays(offset)));
        Arbitrary<LocalDate> week53 = Arbitraries.of(2004, 2009, 2015, 2020, 2026, 2032, 2037, 2043, 2048)
                .flatMap(year -> Arbitraries.integers().between(0, 13).map(offset -> LocalDate.of(year, 12, 25).plusDays(offset)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, anyDay),
                Tuple.of(2, yearEdge),
                Tuple.of(2, week53));
    }
}
