package com.homeworkapi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientScoring;
import com.homeworkapi.scoring.ClinicianReview;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.SymptomScore;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.SymptomSummary;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.RecordedChanges;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestInstruments;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the scoring integration reads: the stored inputs, as scoring's own records. */
@QuarkusTest
class ScoreInputsTest {

    @Inject
    ScoreInputs inputs;

    @Inject
    ClinicSettingsService clinicSettings;

    @Inject
    RecordedChanges changes;

    private static Map<String, Object> settingsWithPcl5() {
        Map<String, Object> pcl5 = TestInstruments.pcl5("responsePercent", 20);
        return Map.of(
                "compliance", Map.of("met", 0.75, "adequate", 0.4),
                "weeks", Map.of("engagement", 1, "atRisk", 3, "relapse", 6, "recovering", 2),
                "symptomRelapse", Map.of("measurements", 3, "spanDays", 21),
                "instruments", List.of(pcl5));
    }

    private static void measure(TestClinic clinic, UUID clientId, String instrument, int score, String on) {
        clinic.clinician().body(Map.of("instrument", instrument, "score", score, "measuredOn", on))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);
    }

    private static void review(TestClinic clinic, UUID clientId, String weekStart, UUID assignmentId, int quality) {
        clinic.clinician().body(Map.of("weekStart", weekStart,
                "assignments", List.of(Map.of("assignmentId", assignmentId, "quality", quality))))
                .post("/v1/clients/{id}/reviews", clientId).then().statusCode(201);
    }

    @Test
    void shouldGiveTheDefaultsAndBuiltInInstrumentsToAClinicThatSavedNone() {
        UUID clinicId = new TestClinic().id;
        assertEquals(ScoringSettings.DEFAULTS, clinicSettings.scoringSettings(clinicId));
        assertEquals(List.of(), clinicSettings.clinicInstruments(clinicId));
        assertEquals(Instrument.catalogue(List.of()), clinicSettings.instruments(clinicId));
    }

    @Test
    void shouldGiveScoringTheSavedThresholdsAndTheClinicsOwnInstruments() {
        TestClinic clinic = new TestClinic();
        clinic.admin().header("If-Match", "\"0\"").body(settingsWithPcl5()).put("/v1/clinic/settings").then()
                .statusCode(200);

        assertEquals(new ScoringSettings(0.75, 0.4, 1, 3, 6, 2, 3, 21),
                ClinicDatabase.call(clinic.id, () -> clinicSettings.scoringSettings(clinic.id)));
        Instrument pcl5 = new Instrument("pcl5", 0, 80, 33, true, null, 20.0, null, null);
        assertEquals(List.of(pcl5), ClinicDatabase.call(clinic.id, () -> clinicSettings.clinicInstruments(clinic.id)));
        Map<String, Instrument> catalogue = ClinicDatabase.call(clinic.id, () -> clinicSettings.instruments(clinic.id));
        assertEquals(pcl5, catalogue.get("pcl5"));
        assertEquals(Instrument.PHQ9, catalogue.get("phq9"));
        assertEquals(4, catalogue.size());
        assertEquals(ScoringSettings.DEFAULTS, clinicSettings.scoringSettings(new TestClinic().id));
    }

    @Test
    void shouldListTheInputsOfManyClientsInOneCallAndOnlyFromTheirClinic() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        UUID withNothing = clinic.createClient();
        UUID otherClinicsClient = otherClinic.createClient();
        UUID firstsAssignment = clinic.createAssignment(first);
        UUID secondsAssignment = clinic.createAssignment(second);
        measure(clinic, first, "phq9", 12, "2026-03-09");
        measure(clinic, first, "phq9", 18, "2026-02-02");
        measure(clinic, second, "gad7", 9, "2026-02-16");
        measure(otherClinic, otherClinicsClient, "phq9", 20, "2026-02-02");
        review(clinic, first, "2026-03-02", firstsAssignment, 3);
        review(clinic, first, "2026-02-23", firstsAssignment, 1);
        review(clinic, second, "2026-03-02", secondsAssignment, 4);

        List<UUID> asked = List.of(first, second, withNothing, otherClinicsClient);
        Map<UUID, List<SymptomScore>> scores = ClinicDatabase.call(clinic.id,
                () -> inputs.measurementsOf(clinic.id, asked));
        assertEquals(List.of(new SymptomScore("phq9", 18, LocalDate.parse("2026-02-02")),
                new SymptomScore("phq9", 12, LocalDate.parse("2026-03-09"))), scores.get(first));
        assertEquals(List.of(new SymptomScore("gad7", 9, LocalDate.parse("2026-02-16"))), scores.get(second));
        assertFalse(scores.containsKey(withNothing));
        assertFalse(scores.containsKey(otherClinicsClient));

        Map<UUID, List<ClinicianReview>> ratings = ClinicDatabase.call(clinic.id,
                () -> inputs.reviewsOf(clinic.id, asked));
        assertEquals(List.of(new ClinicianReview(LocalDate.parse("2026-02-23"), firstsAssignment, 1),
                new ClinicianReview(LocalDate.parse("2026-03-02"), firstsAssignment, 3)), ratings.get(first));
        assertEquals(List.of(new ClinicianReview(LocalDate.parse("2026-03-02"), secondsAssignment, 4)),
                ratings.get(second));
        assertFalse(ratings.containsKey(withNothing));
        assertFalse(ratings.containsKey(otherClinicsClient));

        assertEquals(scores.get(first),
                ClinicDatabase.call(clinic.id, () -> inputs.measurementsOf(clinic.id, List.of(first)).get(first)));
        assertEquals(ratings.get(second),
                ClinicDatabase.call(clinic.id, () -> inputs.reviewsOf(clinic.id, List.of(second)).get(second)));
    }

    @Test
    void shouldAnnounceEveryWriteThatScoringReads() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        int before = changes.clientDataOf(clinic.id).size();

        measure(clinic, clientId, "phq9", 12, "2026-03-09");
        review(clinic, clientId, "2026-03-02", assignmentId, 3);
        clinic.clinician().body(Map.of("instrument", "phq9", "score", 99, "measuredOn", "2026-03-09"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(400);

        List<ClientDataChanged> announced = changes.clientDataOf(clinic.id);
        assertEquals(List.of(new ClientDataChanged(clinic.id, clientId), new ClientDataChanged(clinic.id, clientId)),
                announced.subList(before, announced.size()));
        assertEquals(0, changes.settingsChangesOf(clinic.id));
        clinic.admin().header("If-Match", "\"0\"").body(settingsWithPcl5()).put("/v1/clinic/settings").then()
                .statusCode(200);
        assertEquals(1, changes.settingsChangesOf(clinic.id));
    }

    @Test
    void shouldScoreAClientFromWhatWasStoredWithTheClinicsOwnInstrument() {
        TestClinic clinic = new TestClinic();
        clinic.admin().header("If-Match", "\"0\"").body(settingsWithPcl5()).put("/v1/clinic/settings").then()
                .statusCode(200);
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        measure(clinic, clientId, "pcl5", 52, "2026-01-05");
        measure(clinic, clientId, "pcl5", 30, "2026-02-02");
        measure(clinic, clientId, "phq9", 15, "2026-01-05");
        review(clinic, clientId, "2026-01-05", assignmentId, 2);

        ClientRecord record = new ClientRecord(ZoneId.of("Europe/Berlin"), List.of(), List.of(),
                ClinicDatabase.call(clinic.id, () -> inputs.reviewsOf(clinic.id, List.of(clientId)).get(clientId)),
                ClinicDatabase.call(clinic.id, () -> inputs.measurementsOf(clinic.id, List.of(clientId)).get(clientId)),
                ClinicDatabase.call(clinic.id, () -> clinicSettings.clinicInstruments(clinic.id)));
        ClientScoreReport report = ClientScoring.score(record,
                ClinicDatabase.call(clinic.id, () -> clinicSettings.scoringSettings(clinic.id)),
                Instant.parse("2026-03-02T12:00:00Z"));
        SymptomSummary pcl5 = report.status().symptoms().stream()
                .filter(summary -> summary.instrumentCode().equals("pcl5")).findFirst().orElseThrow();
        assertEquals(2, pcl5.measurementCount());
        assertEquals(52, pcl5.baseline().score());
        // 22 points is more than the clinic's 20% of the baseline: a reliable improvement by its own rule.
        assertTrue(pcl5.reliableImprovement());
        assertEquals(2, report.status().symptoms().size());
    }
}
