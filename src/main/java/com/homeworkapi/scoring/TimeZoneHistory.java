package com.homeworkapi.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The time zones a client has lived in, and which one each ISO week is counted in, so that a
 * move does not rewrite the weeks before it.
 *
 * <ul>
 *   <li>A change takes effect on {@code effectiveFrom}: the date, in the new zone, on which it
 *       was made ({@code changedAt}). It cannot be backdated.</li>
 *   <li>Each week is counted in one zone: that of the most recent change whose effective date
 *       is on or before the week's Sunday. The week in which a change takes effect is the
 *       current week when it is made, and the current week is counted in the current zone,
 *       so the new zone governs that whole week, now and after it has ended. Every earlier week
 *       keeps its zone. The first zone also governs every week before it was recorded.</li>
 *   <li>A week ends at midnight after its Sunday in its own zone, and the next week begins
 *       there, so no moment falls into two weeks or into none; a week in which the zone
 *       changed is longer or shorter than seven days. One exception: after a move east
 *       across the turn of a week (already Monday in the new zone, still Sunday in the old
 *       one) the new week begins at the move itself, because the client is in it.</li>
 *   <li>So nothing that happened before a move changes its week or date, unless it lies in
 *       the week in which the move takes effect (the current week in the new zone).</li>
 *   <li>A moment gets the date it had in the zone of its week. After a move west, the first
 *       hours of the week can still be the previous Sunday in the new zone: they count on the
 *       week's Monday, never outside their week.</li>
 * </ul>
 */
public final class TimeZoneHistory {

    /**
     * A zone the client lived in from {@code effectiveFrom} on, recorded at {@code changedAt}.
     * For every change but the first, {@code effectiveFrom} is the date of {@code changedAt}
     * in {@code zone}; the first change's dates do not limit it.
     */
    public record Change(ZoneId zone, LocalDate effectiveFrom, Instant changedAt) {

        public Change {
            if (zone == null || effectiveFrom == null || changedAt == null) {
                throw new IllegalArgumentException("zone, effectiveFrom and changedAt are required");
            }
        }
    }

    private static final long SECONDS_PER_DAY = 86_400;

    private final List<Change> changes;

    private TimeZoneHistory(List<Change> changes) {
        this.changes = changes;
    }

    /** A client that has only ever had one zone. */
    public static TimeZoneHistory of(ZoneId zone) {
        return new TimeZoneHistory(List.of(new Change(zone, LocalDate.MIN, Instant.MIN)));
    }

    /** The changes in any order; they are put in the order they were made. */
    public static TimeZoneHistory of(List<Change> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a time zone history needs at least one zone");
        }
        List<Change> ordered = new ArrayList<>(changes);
        // Stable: of two changes recorded at the same moment, the later-listed one is the newer.
        ordered.sort(Comparator.comparing(Change::changedAt));
        for (int i = 1; i < ordered.size(); i++) {
            Change change = ordered.get(i);
            if (!change.effectiveFrom().equals(LocalDate.ofInstant(change.changedAt(), change.zone()))) {
                throw new IllegalArgumentException("a change takes effect on the date it was made in its zone, not "
                        + change.effectiveFrom());
            }
        }
        return new TimeZoneHistory(List.copyOf(ordered));
    }

    /** Oldest first. */
    public List<Change> changes() {
        return changes;
    }

    /** The zone the client lives in now: the current week and occurrences use it. */
    public ZoneId current() {
        return changes.get(changes.size() - 1).zone();
    }

    /** The zone {@code week} is counted in. */
    public ZoneId zoneOf(IsoWeek week) {
        return changes.get(governing(week)).zone();
    }

    /** The ISO week {@code moment} counts in. */
    public IsoWeek weekOf(Instant moment) {
        if (changes.size() == 1) {
            return IsoWeek.containing(LocalDate.ofInstant(moment, current()));
        }
        // Every week starts within 14 hours before or 12 after its Monday's midnight in UTC, so
        // the week is the UTC one, the one before or the one after.
        IsoWeek week = IsoWeek.containing(LocalDate.ofInstant(moment, ZoneOffset.UTC)).plusWeeks(-1);
        while (!startOf(week.next()).isAfter(moment)) {
            week = week.next();
        }
        return week;
    }

    /** The client's local date of {@code moment}: its date in the zone of its week, within that week. */
    public LocalDate localDate(Instant moment) {
        if (changes.size() == 1) {
            return LocalDate.ofInstant(moment, current());
        }
        IsoWeek week = weekOf(moment);
        LocalDate date = LocalDate.ofInstant(moment, zoneOf(week));
        if (date.isBefore(week.monday())) {
            return week.monday();
        }
        return date.isAfter(week.sunday()) ? week.sunday() : date;
    }

    /**
     * The epoch day of {@link #localDate} of each moment, in the same order. For a client who
     * never moved, the zone's offset changes between the earliest and the latest moment are
     * looked up once: asking the zone rules for every moment was a large part of bulk rescoring.
     * Epoch days rather than dates, because that is what weeks are indexed by.
     */
    long[] localEpochDays(List<Instant> moments) {
        long[] epochDays = new long[moments.size()];
        OffsetTimeline timeline = changes.size() == 1 ? OffsetTimeline.of(current().getRules(), moments) : null;
        for (int i = 0; i < epochDays.length; i++) {
            epochDays[i] = timeline == null ? localDate(moments.get(i)).toEpochDay() : timeline.localEpochDay(moments.get(i));
        }
        return epochDays;
    }

    /** One zone's offsets over a span of time: {@code offsetSeconds[k]} holds after the first k changes. */
    private static final class OffsetTimeline {
        private final long[] changeSeconds;
        private final int[] offsetSeconds;

        private OffsetTimeline(long[] changeSeconds, int[] offsetSeconds) {
            this.changeSeconds = changeSeconds;
            this.offsetSeconds = offsetSeconds;
        }

        /** Null when there are no moments, or more offset changes than moments (moments years apart). */
        static OffsetTimeline of(ZoneRules rules, List<Instant> moments) {
            if (moments.isEmpty()) {
                return null;
            }
            Instant earliest = moments.get(0);
            Instant latest = moments.get(0);
            for (Instant moment : moments) {
                earliest = moment.isBefore(earliest) ? moment : earliest;
                latest = moment.isAfter(latest) ? moment : latest;
            }
            List<ZoneOffsetTransition> transitions = new ArrayList<>();
            for (ZoneOffsetTransition transition = rules.nextTransition(earliest);
                    transition != null && !transition.getInstant().isAfter(latest);
                    transition = rules.nextTransition(transition.getInstant())) {
                if (transitions.size() == moments.size()) {
                    return null;
                }
                transitions.add(transition);
            }
            long[] changeSeconds = new long[transitions.size()];
            int[] offsetSeconds = new int[transitions.size() + 1];
            offsetSeconds[0] = rules.getOffset(earliest).getTotalSeconds();
            for (int i = 0; i < transitions.size(); i++) {
                changeSeconds[i] = transitions.get(i).toEpochSecond();
                offsetSeconds[i + 1] = transitions.get(i).getOffsetAfter().getTotalSeconds();
            }
            return new OffsetTimeline(changeSeconds, offsetSeconds);
        }

        /** The epoch day of what LocalDate.ofInstant computes, with the offset already known. */
        long localEpochDay(Instant moment) {
            // A change applies from its own second on, as in ZoneRules.getOffset.
            int found = Arrays.binarySearch(changeSeconds, moment.getEpochSecond());
            int changesSoFar = found >= 0 ? found + 1 : -found - 1;
            long localSecond = moment.getEpochSecond() + offsetSeconds[changesSoFar];
            // Checked as LocalDate.ofInstant checks it, so a moment no date can hold still fails.
            return ChronoField.EPOCH_DAY.checkValidValue(Math.floorDiv(localSecond, SECONDS_PER_DAY));
        }
    }

    /**
     * The moment {@code week} begins, which is where the week before it ends: midnight of its
     * Monday in the zone of the week before, or, if the client moved east into this week before
     * that midnight, the first such move.
     */
    Instant startOf(IsoWeek week) {
        int before = governing(week.plusWeeks(-1));
        Instant midnight = week.monday().atStartOfDay(changes.get(before).zone()).toInstant();
        if (governing(week) == before) {
            return midnight;
        }
        // The changes made since the week before got its zone that take effect in this week:
        // the one that governs it is among them.
        Instant start = midnight;
        for (int i = before + 1; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (IsoWeek.containing(change.effectiveFrom()).equals(week) && change.changedAt().isBefore(start)) {
                start = change.changedAt();
            }
        }
        return start;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeZoneHistory history && history.changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "TimeZoneHistory" + changes;
    }

    /** The index of the most recent change in effect by the week's Sunday; the first one for weeks before any other. */
    private int governing(IsoWeek week) {
        LocalDate sunday = week.sunday();
        int governing = 0;
        for (int i = 1; i < changes.size(); i++) {
            if (!changes.get(i).effectiveFrom().isAfter(sunday)) {
                governing = i;
            }
        }
        return governing;
    }
}
