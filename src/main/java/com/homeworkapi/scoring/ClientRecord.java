package com.homeworkapi.scoring;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything known about one client that scoring needs, as the REST layer maps it from its entities.
 *
 * @param zone              the client's IANA time zone; weeks are ISO weeks in this zone
 * @param clinicInstruments the clinic's own instruments, added to (or replacing) the built-in ones
 */
public record ClientRecord(
        ZoneId zone,
        List<AssignmentRecord> assignments,
        List<AttemptRecord> attempts,
        List<ClinicianReview> reviews,
        List<SymptomScore> measurements,
        List<Instrument> clinicInstruments) {

    public ClientRecord {
        if (zone == null) {
            throw new IllegalArgumentException("the client's time zone is required");
        }
        assignments = List.copyOf(assignments);
        attempts = List.copyOf(attempts);
        reviews = List.copyOf(reviews);
        measurements = List.copyOf(measurements);
        clinicInstruments = List.copyOf(clinicInstruments);
    }

    public static ClientRecord of(ZoneId zone, List<AssignmentRecord> assignments, List<AttemptRecord> attempts) {
        return new ClientRecord(zone, assignments, attempts, List.of(), List.of(), List.of());
    }

    public ClientRecord withMeasurements(List<SymptomScore> scores) {
        return new ClientRecord(zone, assignments, attempts, reviews, scores, clinicInstruments);
    }

    public ClientRecord withReviews(List<ClinicianReview> clinicianReviews) {
        return new ClientRecord(zone, assignments, attempts, clinicianReviews, measurements, clinicInstruments);
    }
}
