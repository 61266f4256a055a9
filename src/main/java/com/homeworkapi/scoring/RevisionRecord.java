package com.homeworkapi.scoring;

import java.time.LocalDate;

/**
 * The state of an assignment from {@code effective} on, until the next revision takes effect.
 * Lifecycle changes (pause, resume, completion, cancellation) and schedule changes are both
 * revisions, so one ordered list tells what was in force on any day.
 */
public record RevisionRecord(LocalDate effective, Status status, ScheduleRule schedule) {

    public enum Status { ACTIVE, PAUSED, COMPLETED, CANCELLED }

    public RevisionRecord {
        if (effective == null || status == null || schedule == null) {
            throw new IllegalArgumentException("effective date, status and schedule are required");
        }
    }

    public static RevisionRecord active(LocalDate effective, ScheduleRule schedule) {
        return new RevisionRecord(effective, Status.ACTIVE, schedule);
    }
}
