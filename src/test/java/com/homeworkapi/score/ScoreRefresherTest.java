package com.homeworkapi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.TestClinic;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept scores: marked stale by every write, brought up to date by the background refresh. */
@QuarkusTest
class ScoreRefresherTest {

    @Inject
    ScoreRefresher refresher;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Test
    void aWriteMarksTheScoreStaleAndTheBackgroundRefreshBringsItUpToDate() {
        TestClinic clinic = new TestClinic();
        HomeworkHistory history = HomeworkHistory.threeTimesAWeekSince(clinic, 4,
                Map.of("timeZone", "Europe/Berlin")).completedEveryWeek(4, 2);

        refresher.refreshAllClinics();
        assertEquals(new Kept("slip", true), kept(history));

        history.completed(1, 3);
        assertEquals(new Kept("slip", false), kept(history));

        refresher.refreshAllClinics();
        assertEquals(new Kept("on_track", true), kept(history));
    }

    @Test
    void shouldTimeEveryRefreshAndReportTheStaleScoresItFound() {
        new TestClinic().createClient();
        long refreshes = metrics.get("homework.scores.refresh").timer().count();
        double failures = metrics.get("homework.scores.refresh.failures").counter().count();

        refresher.refreshAllClinics();

        assertEquals(refreshes + 1, metrics.get("homework.scores.refresh").timer().count());
        assertTrue(metrics.get("homework.scores.stale").gauge().value() >= 1, "the new client's score was stale");
        assertEquals(failures, metrics.get("homework.scores.refresh.failures").counter().count());
    }

    private record Kept(String status, boolean upToDate) {
    }

    private Kept kept(HomeworkHistory history) {
        Object[] row = ClinicDatabase.call(history.clinic.id, () -> (Object[]) entityManager.createNativeQuery(
                "select status, data_version = scored_version from client_score where clinic_id = :clinic"
                        + " and client_id = :client")
                .setParameter("clinic", history.clinic.id).setParameter("client", history.clientId)
                .getSingleResult());
        return new Kept((String) row[0], (Boolean) row[1]);
    }
}
