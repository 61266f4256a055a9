package com.homeworkapi.report;

import com.homeworkapi.assignment.AssignmentScoringInputs;
import com.homeworkapi.attempt.AttemptScoringInputs;
import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.measurement.MeasurementRepository;
import com.homeworkapi.review.ReviewRepository;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Gathers what scoring needs about many clients of one clinic in a few queries, not a few per client. */
@ApplicationScoped
public class ScoreInputs {

    @Inject
    AssignmentScoringInputs assignments;

    @Inject
    AttemptScoringInputs attempts;

    @Inject
    MeasurementRepository measurements;

    @Inject
    ReviewRepository reviews;

    @Inject
    ClinicSettingsService settings;

    /** @param zones the time zone of each client to load, by client id */
    public Map<UUID, ClientRecord> load(UUID clinicId, Map<UUID, String> zones) {
        var assignmentsByClient = assignments.byClient(clinicId, zones.keySet());
        var attemptsByClient = attempts.byClient(clinicId, zones.keySet());
        var measurementsByClient = measurements.listForScoring(clinicId, zones.keySet());
        var reviewsByClient = reviews.listForScoring(clinicId, zones.keySet());
        List<Instrument> clinicInstruments = settings.clinicInstruments(clinicId);
        Map<UUID, ClientRecord> records = new HashMap<>();
        zones.forEach((clientId, zone) -> records.put(clientId, new ClientRecord(ZoneId.of(zone),
                assignmentsByClient.getOrDefault(clientId, List.of()),
                attemptsByClient.getOrDefault(clientId, List.of()),
                reviewsByClient.getOrDefault(clientId, List.of()),
                measurementsByClient.getOrDefault(clientId, List.of()), clinicInstruments)));
        return records;
    }
}
