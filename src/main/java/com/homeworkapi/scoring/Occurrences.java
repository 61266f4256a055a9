package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The expected occurrences of a client's assignments over a range of the client's local dates,
 * and whether each was done: what an app needs to set reminders weeks ahead.
 *
 * <p>Everything is a local calendar date. Days are walked with {@link LocalDate#plusDays}, never
 * by adding 24 hours to an instant, so a DST change can neither skip nor double a day; attempts
 * meet the schedule only after {@link WeeklyCredit#localDate} has put them on a date in the
 * zone passed in (the client's current one), so a new time zone re-buckets every attempt.
 *
 * <p>Each day is judged under the revision in force on that day, as in {@link ExpectedOccurrences}:
 * a day is a candidate only while the assignment is active and within its start and end dates.
 * <ul>
 *   <li>{@code daily}: every such day; {@code daysOfWeek}: the listed ones; {@code once}: the due
 *       date. Such a day is done when attempts of the assignment that occurred on that local date
 *       carry credit ({@code completed}, or {@code partial}). A {@code once} occurrence takes the
 *       credit of its due date's whole ISO week instead, the week compliance credits it in, so an
 *       assignment done a day early is not reported as outstanding.</li>
 *   <li>{@code timesPerWeek}: no fixed days, so no day is invented. Every ISO week that has an
 *       active {@code timesPerWeek} day inside the range gets one flexible target: the week's
 *       prorated expectation ({@link ExpectedOccurrences#flexibleInWeek}) and the credit of all
 *       the assignment's attempts in that local week; it is done once the credit reaches it.</li>
 * </ul>
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** An occurrence on one local date. There is no time of day: schedules have none. */
    public record Fixed(UUID assignmentId, LocalDate date, ScheduleRule.Type type, double credit, boolean done) {
    }

    /** A {@code timesPerWeek} target for one ISO week, to be met on any of its days. */
    public record Flexible(UUID assignmentId, IsoWeek week, int expected, double credit, boolean done) {
    }

    /**
     * @param fixed    by date, then assignment id
     * @param flexible by week, then assignment id
     */
    public record Calendar(List<Fixed> fixed, List<Flexible> flexible) {

        public Calendar {
            fixed = List.copyOf(fixed);
            flexible = List.copyOf(flexible);
        }
    }

    /** The occurrences from {@code from} to {@code to} inclusive, local dates of {@code zone}. */
    public static Calendar between(List<AssignmentRecord> assignments, List<AttemptRecord> attempts, ZoneId zone,
            LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Map<UUID, TreeMap<LocalDate, Double>> creditByDate = creditByDate(attempts, zone);
        List<Fixed> fixed = new ArrayList<>();
        List<Flexible> flexible = new ArrayList<>();
        for (AssignmentRecord assignment : assignments) {
            TreeMap<LocalDate, Double> credit = creditByDate.getOrDefault(assignment.id(), new TreeMap<>());
            IsoWeek flexibleWeek = null;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                RevisionRecord revision = assignment.revisionOn(day);
                if (revision == null || revision.status() != RevisionRecord.Status.ACTIVE
                        || !revision.schedule().covers(day)) {
                    continue;
                }
                ScheduleRule schedule = revision.schedule();
                switch (schedule.type()) {
                    case DAILY -> fixed.add(onDay(assignment, day, schedule.type(), credit));
                    case DAYS_OF_WEEK -> {
                        if (schedule.daysOfWeek().contains(day.getDayOfWeek())) {
                            fixed.add(onDay(assignment, day, schedule.type(), credit));
                        }
                    }
                    case ONCE -> {
                        if (day.equals(schedule.dueDate())) {
                            double weekCredit = creditIn(credit, IsoWeek.containing(day));
                            fixed.add(new Fixed(assignment.id(), day, schedule.type(), weekCredit, weekCredit > 0));
                        }
                    }
                    case TIMES_PER_WEEK -> {
                        IsoWeek week = IsoWeek.containing(day);
                        if (!week.equals(flexibleWeek)) {
                            flexibleWeek = week;
                            int expected = ExpectedOccurrences.flexibleInWeek(assignment, week);
                            double weekCredit = creditIn(credit, week);
                            flexible.add(new Flexible(assignment.id(), week, expected, weekCredit,
                                    weekCredit >= expected));
                        }
                    }
                }
            }
        }
        fixed.sort(Comparator.comparing(Fixed::date).thenComparing(Fixed::assignmentId));
        flexible.sort(Comparator.comparing(Flexible::week).thenComparing(Flexible::assignmentId));
        return new Calendar(fixed, flexible);
    }

    private static Fixed onDay(AssignmentRecord assignment, LocalDate day, ScheduleRule.Type type,
            Map<LocalDate, Double> credit) {
        double dayCredit = credit.getOrDefault(day, 0.0);
        return new Fixed(assignment.id(), day, type, dayCredit, dayCredit > 0);
    }

    private static double creditIn(TreeMap<LocalDate, Double> credit, IsoWeek week) {
        return credit.subMap(week.monday(), true, week.sunday(), true).values().stream()
                .mapToDouble(Double::doubleValue).sum();
    }

    private static Map<UUID, TreeMap<LocalDate, Double>> creditByDate(List<AttemptRecord> attempts, ZoneId zone) {
        Map<UUID, TreeMap<LocalDate, Double>> byAssignment = new HashMap<>();
        for (AttemptRecord attempt : attempts) {
            byAssignment.computeIfAbsent(attempt.assignmentId(), id -> new TreeMap<>())
                    .merge(WeeklyCredit.localDate(attempt.occurredAt(), zone), attempt.credit(), Double::sum);
        }
        return byAssignment;
    }
}
