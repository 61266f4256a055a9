package com.homeworkapi.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

/** A clinician's quality rating (0-4) of one assignment's homework in one ISO week. */
public record ClinicianReview(LocalDate weekStart, UUID assignmentId, int quality) {

    public ClinicianReview {
        if (weekStart == null || assignmentId == null) {
            throw new IllegalArgumentException("weekStart and assignmentId are required");
        }
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("weekStart must be a Monday, was " + weekStart);
        }
        if (quality < 0 || quality > 4) {
            throw new IllegalArgumentException("quality must be 0..4, was " + quality);
        }
    }

    public IsoWeek week() {
        return IsoWeek.startingOn(weekStart);
    }
}
