package com.homeworkapi.score;

import com.homeworkapi.security.ClinicScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps scores fresh between reports: after a burst of synced attempts, or when a new week
 * begins in the clients' time zones, the next report finds nothing left to compute. Any
 * number of instances may run it; two computing the same client only repeat work.
 */
@ApplicationScoped
public class ScoreRefresher {

    private static final Logger LOG = Logger.getLogger(ScoreRefresher.class);

    @Inject
    ClientScores scores;

    @Inject
    ClinicScope clinicScope;

    @Inject
    MeterRegistry metrics;

    @Scheduled(every = "${homework.scores.refresh-every}", delayed = "${homework.scores.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAllClinics() {
        // Each clinic's refresh runs in that clinic's scope: row-level security shows it no other.
        clinicScope.forEachClinic(clinicId -> {
            try {
                scores.refreshStale(clinicId);
            } catch (RuntimeException failed) {
                // One clinic's failure must not starve the others; the next run retries it.
                metrics.counter("homework.scores.refresh.failures").increment();
                // Exception messages can quote stored values, so the stack goes to debug only.
                LOG.errorf("Refreshing scores of clinic %s failed: %s", clinicId, failed.getClass().getName());
                LOG.debug("Score refresh failure", failed);
            }
        });
    }
}
