package com.homeworkapi.scoring;

import java.time.LocalDate;

/**
 * The state of an assignment from {@code effective} on, until the next revision takes effect.
 * Lifecycle changes (pause, resume, completion, cancellation) and schedule changes are both
 * revisions, so one ordered list tells what was in force on any day.
 */
public record AssignmentRevision(LocalDate effective, Status status, Schedule schedule) {

    public enum Status { ACTIVE, PAUSED, COMPLETED, CANCELLED }

    public AssignmentRevision {
        if (effective == null || status == null || schedule == null) {
            throw new IllegalArgumentException("effective date, status and schedule are required");
        }
    }

    public static AssignmentRevision active(LocalDate effective, Schedule schedule) {
        return new AssignmentRevision(effective, Status.ACTIVE, schedule);
    }
}
