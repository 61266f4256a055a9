package com.homeworkapi.occurrence;

import com.homeworkapi.assignment.ScheduleType;
import com.homeworkapi.scoring.Occurrences;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A client's expected occurrences over a range of its local dates. Dated occurrences carry no
 * time of day, because schedules have none; {@code timesPerWeek} schedules have no days at
 * all, so they are answered as one weekly target per ISO week.
 */
public record OccurrenceResponse(
        UUID clientId,
        String timeZone,
        Instant computedAt,
        LocalDate from,
        LocalDate to,
        List<Occurrence> occurrences,
        List<WeeklyTarget> weeklyTargets) {

    /** An occurrence on one local date of a daily, days-of-week or once schedule. */
    public record Occurrence(UUID assignmentId, LocalDate date, ScheduleType scheduleType, double credit,
            boolean done) {

        static Occurrence from(Occurrences.Fixed fixed) {
            return new Occurrence(fixed.assignmentId(), fixed.date(), ScheduleType.valueOf(fixed.type().name()),
                    fixed.credit(), fixed.done());
        }
    }

    /** A times-per-week target for one ISO week, met on any days of it. */
    public record WeeklyTarget(UUID assignmentId, String week, LocalDate weekStart, LocalDate weekEnd, int expected,
            double credit, boolean done) {

        static WeeklyTarget from(Occurrences.Flexible flexible) {
            return new WeeklyTarget(flexible.assignmentId(), flexible.week().toString(), flexible.week().monday(),
                    flexible.week().sunday(), flexible.expected(), flexible.credit(), flexible.done());
        }
    }

    static OccurrenceResponse from(UUID clientId, ZoneId zone, Instant computedAt, DayRange range,
            Occurrences.Calendar calendar) {
        return new OccurrenceResponse(clientId, zone.getId(), computedAt, range.from(), range.to(),
                calendar.fixed().stream().map(Occurrence::from).toList(),
                calendar.flexible().stream().map(WeeklyTarget::from).toList());
    }
}
