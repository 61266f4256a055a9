package com.homeworkapi.report;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.score.ClientScores;
import com.homeworkapi.security.ClinicScope;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Reports over a clinic with more stale scores than a report rescores itself: they answer at
 * once from the kept scores, each row marked, and the clinic is rescored in the background.
 */
@QuarkusTest
@TestProfile(FewInlineRescores.class)
class StaleReportTest {

    private static final int CURRENT = ClientScores.scoringVersion();
    private static final int OLD = CURRENT - 1;
    /** Far more than a rescoring of a few clients takes; only a rescoring that never comes reaches it. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ClientScores scores;

    @Inject
    ClinicScope clinicScope;

    @Inject
    EntityManager entityManager;

    /** Three clients, more than the profile's two: one on track, one in a slip, one in relapse. */
    private record Caseload(TestClinic clinic, HomeworkHistory onTrack, HomeworkHistory slip,
            HomeworkHistory relapse) {

        static Caseload create() {
            TestClinic clinic = new TestClinic();
            Map<String, Object> berlin = Map.of("timeZone", "Europe/Berlin");
            return new Caseload(clinic,
                    HomeworkHistory.threeTimesAWeekSince(clinic, 4, berlin).completedEveryWeek(4, 1),
                    HomeworkHistory.threeTimesAWeekSince(clinic, 4, berlin).completedEveryWeek(4, 2),
                    HomeworkHistory.threeTimesAWeekSince(clinic, 6, berlin).completedEveryWeek(6, 5));
        }

        List<String> clientIds() {
            return List.of(onTrack.clientId.toString(), slip.clientId.toString(), relapse.clientId.toString());
        }
    }

    @Test
    void aReportOverClientsNeverScoredAnswersAtOnceWithoutStatusesThenShowsThemAsTheyAreScored() {
        Caseload caseload = Caseload.create();

        caseload.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                .body(at("scoringVersion", equalTo(CURRENT)))
                .body(at("staleClients", equalTo(3)))
                .body(at("items.clientId", contains(caseload.clientIds().toArray())))
                .body(at("items.stale", everyItem(equalTo(true))))
                .body(at("items[0].status", nullValue()))
                .body(at("items[0].scoringVersion", nullValue()))
                .body(at("items[0].computedAt", nullValue()));

        untilNoneStale(() -> caseload.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200))
                .body(at("items.status", contains("on_track", "slip", "relapse")))
                .body(at("items.scoringVersion", contains(CURRENT, CURRENT, CURRENT)))
                .body(at("items.stale", everyItem(equalTo(false))));
    }

    @Test
    void afterARulesChangeTheReportShowsTheOldScoresMarkedStaleUntilTheBackgroundRescoringReplacesThem() {
        Caseload caseload = Caseload.create();
        scoreNow(caseload.clinic);
        keptUnderOldRules(caseload.clinic);

        caseload.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                .body(at("staleClients", equalTo(3)))
                .body(at("items.status", contains("on_track", "on_track", "on_track")))
                .body(at("items.scoringVersion", contains(OLD, OLD, OLD)))
                .body(at("items.stale", everyItem(equalTo(true))));

        untilNoneStale(() -> caseload.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200))
                .body(at("items.clientId", contains(caseload.clientIds().toArray())))
                .body(at("items.status", contains("on_track", "slip", "relapse")))
                .body(at("items.setbackWeeks", contains(0, 1, 4)))
                .body(at("items.scoringVersion", contains(CURRENT, CURRENT, CURRENT)))
                .body(at("items.stale", everyItem(equalTo(false))));
    }

    @Test
    void theAtRiskListSaysHowManyClientsItCannotVouchForUntilTheyAreRescored() {
        Caseload caseload = Caseload.create();
        scoreNow(caseload.clinic);
        keptUnderOldRules(caseload.clinic);

        caseload.clinic.clinician().get("/v1/reports/at-risk").then().statusCode(200)
                .body(at("scoringVersion", equalTo(CURRENT)))
                .body(at("staleClients", equalTo(3)))
                .body(at("items", empty()));

        untilNoneStale(() -> caseload.clinic.clinician().get("/v1/reports/at-risk").then().statusCode(200))
                .body(at("items.clientId", contains(caseload.relapse.clientId.toString(),
                        caseload.slip.clientId.toString())))
                .body(at("items.status.code", contains("relapse", "slip")))
                .body(at("items.scoringVersion", contains(CURRENT, CURRENT)))
                .body(at("items.stale", contains(false, false)));
    }

    @Test
    void theCsvCarriesTheSameMarksAsColumnsOfItsOwn() {
        Caseload caseload = Caseload.create();
        scoreNow(caseload.clinic);
        keptUnderOldRules(caseload.clinic);

        List<List<String>> rows = ReportApiTest.parseCsv(caseload.clinic.clinician().accept("text/csv")
                .get("/v1/reports/compliance").then().statusCode(200).extract().asString());

        assertEquals(List.of("clientId", "displayName", "primaryClinicianId", "status", "weeksCovered",
                "meanCompliance", "lastFullWeekStart", "lastFullWeekCompliance", "lastFullWeekBand", "setbackWeeks",
                "lastAttemptAt", "computedAt", "scoringVersion", "stale"), rows.get(0));
        assertEquals(4, rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(List.of("on_track", Integer.toString(OLD), "true"),
                    List.of(row.get(3), row.get(12), row.get(13)), "row of " + row.get(0));
        }
    }

    @Test
    void aWriteToAClinicUnderTheThresholdStillShowsInTheNextReport() {
        Caseload caseload = Caseload.create();
        scoreNow(caseload.clinic);
        caseload.clinic.clinician().get("/v1/reports/at-risk").then().body(at("items", hasSize(2)));

        caseload.slip.completed(1, 3);

        caseload.clinic.clinician().get("/v1/reports/at-risk").then().statusCode(200)
                .body(at("staleClients", equalTo(0)))
                .body(at("items.clientId", contains(caseload.relapse.clientId.toString())))
                .body(at("items.stale", contains(false)));
        caseload.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                .body(at("staleClients", equalTo(0)))
                .body(at("items.stale", contains(false, false, false)));
    }

    @Test
    void theBackgroundRescoringOfOneClinicLeavesAnotherClinicsScoresAlone() {
        Caseload rescored = Caseload.create();
        Caseload other = Caseload.create();
        scoreNow(rescored.clinic);
        scoreNow(other.clinic);
        keptUnderOldRules(rescored.clinic);
        keptUnderOldRules(other.clinic);

        rescored.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                .body(at("staleClients", equalTo(3)));
        untilNoneStale(() -> rescored.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200))
                .body(at("items.status", contains("on_track", "slip", "relapse")));

        assertEquals(List.of(OLD, OLD, OLD), keptScoringVersions(other.clinic));
        other.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                .body(at("staleClients", equalTo(3)))
                .body(at("items.scoringVersion", contains(OLD, OLD, OLD)));
    }

    @Test
    void aRescoringForAReportLeavesAClinicThatAnotherRefreshHoldsAndDoesNotWaitForIt() throws Exception {
        Caseload held = Caseload.create();
        Caseload free = Caseload.create();
        scoreNow(held.clinic);
        scoreNow(free.clinic);
        keptUnderOldRules(held.clinic);
        keptUnderOldRules(free.clinic);

        // Another instance's refresh of the held clinic, between the start and the commit of a chunk.
        try (Connection otherInstance = ClinicDatabase.connection(held.clinic.id)) {
            try (PreparedStatement lock = otherInstance.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, held.clinic.id.toString());
                lock.execute();
            }
            held.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                    .body(at("staleClients", equalTo(3)));
            // One thread rescores for reports: had it waited for the held clinic, this one would never come.
            untilNoneStale(() -> free.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200))
                    .body(at("items.status", contains("on_track", "slip", "relapse")));
            assertEquals(List.of(OLD, OLD, OLD), keptScoringVersions(held.clinic));
            otherInstance.rollback();
        }

        untilNoneStale(() -> held.clinic.clinician().get("/v1/reports/compliance").then().statusCode(200))
                .body(at("items.status", contains("on_track", "slip", "relapse")));
    }

    /** Scores the clinic as a refresh does, so what follows starts from kept, fresh scores. */
    private void scoreNow(TestClinic clinic) {
        clinicScope.run(clinic.id, () -> scores.refreshStale(clinic.id));
    }

    /**
     * Makes the kept scores look computed by the previous rules, which called everyone on track:
     * what every clinic has the moment a new SCORING_VERSION starts.
     */
    private void keptUnderOldRules(TestClinic clinic) {
        ClinicDatabase.run(clinic.id, () -> entityManager.createNativeQuery("""
                update client_score set scoring_version = :old, status = 'on_track',
                    status_json = jsonb_set(status_json, '{code}', '"on_track"')
                where clinic_id = :clinic
                """).setParameter("old", OLD).setParameter("clinic", clinic.id).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Integer> keptScoringVersions(TestClinic clinic) {
        return ClinicDatabase.call(clinic.id, () -> ((List<Number>) entityManager.createNativeQuery(
                "select scoring_version from client_score where clinic_id = :clinic order by client_id")
                .setParameter("clinic", clinic.id).getResultList()).stream().map(Number::intValue).toList());
    }

    /** Asks for the report again until none of its rows is stale; fails after {@link #PATIENCE}. */
    private static ValidatableResponse untilNoneStale(Supplier<ValidatableResponse> report) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ValidatableResponse answer = report.get();
            int stale = Json.path(answer.extract(), "staleClients");
            if (stale == 0) {
                return answer;
            }
            assertTrue(System.nanoTime() < deadline, stale + " clients still stale after " + PATIENCE);
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the rescoring", interrupted);
            }
        }
    }
}
