package com.homeworkapi.scoring;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything known about one client that scoring needs, as the REST layer maps it from its entities.
 *
 * @param timeZones         the client's IANA time zones over time; each ISO week is counted in the zone in force then
 * @param clinicInstruments the clinic's own instruments, added to (or replacing) the built-in ones
 */
public record ClientRecord(
        TimeZoneHistory timeZones,
        List<AssignmentRecord> assignments,
        List<AttemptRecord> attempts,
        List<ClinicianReview> reviews,
        List<SymptomScore> measurements,
        List<Instrument> clinicInstruments) {

    public ClientRecord {
        if (timeZones == null) {
            throw new IllegalArgumentException("the client's time zone is required");
        }
        assignments = List.copyOf(assignments);
        attempts = List.copyOf(attempts);
        reviews = List.copyOf(reviews);
        measurements = List.copyOf(measurements);
        clinicInstruments = List.copyOf(clinicInstruments);
    }

    /** A client that has always lived in {@code zone}. */
    public ClientRecord(ZoneId zone, List<AssignmentRecord> assignments, List<AttemptRecord> attempts,
            List<ClinicianReview> reviews, List<SymptomScore> measurements, List<Instrument> clinicInstruments) {
        this(zone == null ? null : TimeZoneHistory.of(zone), assignments, attempts, reviews, measurements, clinicInstruments);
    }

    public static ClientRecord of(ZoneId zone, List<AssignmentRecord> assignments, List<AttemptRecord> attempts) {
        return new ClientRecord(zone, assignments, attempts, List.of(), List.of(), List.of());
    }

    /** The zone the client lives in now, which decides today and the current week. */
    public ZoneId zone() {
        return timeZones.current();
    }

    public ClientRecord withTimeZones(TimeZoneHistory history) {
        return new ClientRecord(history, assignments, attempts, reviews, measurements, clinicInstruments);
    }

    public ClientRecord withMeasurements(List<SymptomScore> scores) {
        return new ClientRecord(timeZones, assignments, attempts, reviews, scores, clinicInstruments);
    }

    public ClientRecord withReviews(List<ClinicianReview> clinicianReviews) {
        return new ClientRecord(timeZones, assignments, attempts, clinicianReviews, measurements, clinicInstruments);
    }
}
