package com.homeworkapi.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for any moves between any zones, the far east and west of the date line included. */
class TimeZonePropertiesTest {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 1, 5);
    private static final Instant CREATED = Instant.parse("2025-12-01T09:00:00Z");
    private static final List<ZoneId> ZONES = List.of("Europe/Berlin", "Pacific/Auckland", "America/New_York",
            "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns").stream()
            .map(ZoneId::of).toList();

    record Move(Instant at, ZoneId zone) {
    }

    private static TimeZoneHistory historyOf(ZoneId first, List<Move> moves) {
        List<TimeZoneHistory.Change> changes = new ArrayList<>();
        changes.add(new TimeZoneHistory.Change(first, LocalDate.ofInstant(CREATED, first), CREATED));
        for (Move move : moves) {
            changes.add(new TimeZoneHistory.Change(move.zone(), LocalDate.ofInstant(move.at(), move.zone()), move.at()));
        }
        return TimeZoneHistory.of(changes);
    }

    /**
     * What happened before a move keeps its week and date unless it lies in the week the move
     * takes effect in (the current week in the new zone), which is counted in the new zone.
     */
    @Property
    void aMoveChangesNothingThatHappenedBeforeItInAnEarlierWeek(
            @ForAll("zones") ZoneId first, @ForAll("moves") List<Move> moves, @ForAll("moments") List<Instant> moments) {
        for (int k = 0; k < moves.size(); k++) {
            TimeZoneHistory before = historyOf(first, moves.subList(0, k));
            TimeZoneHistory after = historyOf(first, moves.subList(0, k + 1));
            Move move = moves.get(k);
            IsoWeek takesEffect = IsoWeek.containing(LocalDate.ofInstant(move.at(), move.zone()));
            for (Instant moment : moments) {
                if (!moment.isBefore(move.at())) {
                    continue;
                }
                IsoWeek was = before.weekOf(moment);
                IsoWeek is = after.weekOf(moment);
                if (was.compareTo(takesEffect) < 0 || is.compareTo(takesEffect) < 0) {
                    assertEquals(was, is, () -> moment + " after " + move);
                    assertEquals(before.localDate(moment), after.localDate(moment), () -> moment + " after " + move);
                }
            }
        }
    }

    @Property
    void weeksFollowTimeAndEveryMomentIsDatedWithinItsWeek(
            @ForAll("zones") ZoneId first, @ForAll("moves") List<Move> moves, @ForAll("moments") List<Instant> moments) {
        TimeZoneHistory zones = historyOf(first, moves);
        List<Instant> ordered = moments.stream().sorted().toList();
        IsoWeek previous = null;
        for (Instant moment : ordered) {
            IsoWeek week = zones.weekOf(moment);
            LocalDate date = zones.localDate(moment);
            assertTrue(!date.isBefore(week.monday()) && !date.isAfter(week.sunday()), () -> moment + " on " + date + " in " + week);
            assertTrue(!zones.startOf(week).isAfter(moment) && zones.startOf(week.next()).isAfter(moment), moment::toString);
            if (previous != null) {
                assertTrue(previous.compareTo(week) <= 0, previous + " then " + week + " at " + moment);
            }
            previous = week;
        }
        for (IsoWeek week = IsoWeek.containing(FIRST_MONDAY).plusWeeks(-2); week.compareTo(IsoWeek.containing(FIRST_MONDAY).plusWeeks(50)) < 0;
                week = week.next()) {
            assertTrue(zones.startOf(week).isBefore(zones.startOf(week.next())), week::toString);
        }
    }

    @Property
    void afterTheLastMoveNowIsInTheCurrentZonesWeekAndDate(
            @ForAll("zones") ZoneId first, @ForAll("moves") List<Move> moves, @ForAll("hours") int hoursLater) {
        TimeZoneHistory zones = historyOf(first, moves);
        Instant lastChange = moves.isEmpty() ? CREATED : moves.get(moves.size() - 1).at();
        Instant now = lastChange.plus(Duration.ofHours(hoursLater));

        LocalDate today = LocalDate.ofInstant(now, zones.current());
        assertEquals(today, zones.localDate(now));
        assertEquals(IsoWeek.containing(today), zones.weekOf(now));
        assertEquals(zones.current(), zones.zoneOf(IsoWeek.containing(today)));
    }

    /** Dating many moments at once, as bulk scoring does, must give what dating each alone gives. */
    @Property
    void datingManyMomentsAtOnceMatchesDatingEachAlone(
            @ForAll("zonesChangingDateAtOffsetChanges") ZoneId first, @ForAll("moves") List<Move> moves,
            @ForAll("momentsNearOffsetChanges") List<Instant> moments) {
        for (TimeZoneHistory zones : List.of(TimeZoneHistory.of(first), historyOf(first, moves))) {
            long[] epochDays = zones.localEpochDays(moments);
            assertEquals(moments.size(), epochDays.length);
            for (int i = 0; i < moments.size(); i++) {
                assertEquals(zones.localDate(moments.get(i)), LocalDate.ofEpochDay(epochDays[i]), moments.get(i)::toString);
            }
        }
    }

    /** Ours, and zones whose offset changes at midnight, where a second early or late is another date. */
    private static List<ZoneId> datingZones() {
        List<ZoneId> zones = new ArrayList<>(ZONES);
        for (String zone : List.of("America/Santiago", "Africa/Cairo", "Asia/Beirut", "America/Nuuk")) {
            zones.add(ZoneId.of(zone));
        }
        return zones;
    }

    @Provide
    Arbitrary<ZoneId> zonesChangingDateAtOffsetChanges() {
        return Arbitraries.of(datingZones());
    }

    /** Moments on, just before and just after those zones' offset changes in 2025 to 2027, in any order, or anywhere. */
    @Provide
    Arbitrary<List<Instant>> momentsNearOffsetChanges() {
        List<Instant> changes = new ArrayList<>();
        for (ZoneId zone : datingZones()) {
            ZoneRules rules = zone.getRules();
            for (ZoneOffsetTransition transition = rules.nextTransition(Instant.parse("2025-01-01T00:00:00Z"));
                    transition != null && transition.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"));
                    transition = rules.nextTransition(transition.getInstant())) {
                changes.add(transition.getInstant());
            }
        }
        Arbitrary<Instant> nearChange = Combinators.combine(Arbitraries.of(changes), Arbitraries.integers().between(-2, 2),
                Arbitraries.of(0, 1, 999_999_999)).as((change, seconds, nanos) -> change.plusSeconds(seconds).plusNanos(nanos));
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(0, Duration.ofDays(3 * 365).toSeconds())
                .map(seconds -> Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seconds));
        return Arbitraries.oneOf(nearChange, nearChange, anywhere).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<Integer> hours() {
        return Arbitraries.integers().between(0, 24 * 21);
    }

    /** Moments near the turn of some week, where zones disagree most about the week, or anywhere. */
    private static Arbitrary<Instant> nearTurnsOfWeeks() {
        Arbitrary<Instant> nearTurn = Combinators.combine(
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(-30 * 60, 30 * 60)).as((week, minutes) ->
                        FIRST_MONDAY.plusWeeks(week).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minutes)));
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(0, Duration.ofDays(41 * 7).toMinutes())
                .map(minutes -> FIRST_MONDAY.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minutes)));
        return Arbitraries.oneOf(nearTurn, anywhere);
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Combinators.combine(nearTurnsOfWeeks(), zones()).as(Move::new).list().ofMaxSize(5)
                .map(list -> list.stream().sorted(Comparator.comparing(Move::at)).toList());
    }

    @Provide
    Arbitrary<List<Instant>> moments() {
        return nearTurnsOfWeeks().list().ofMinSize(1).ofMaxSize(30);
    }
}
