package com.homeworkapi.score;

import com.homeworkapi.observability.DomainMetrics;
import com.homeworkapi.security.ClinicScope;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.LongAdder;
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
    DomainMetrics metrics;

    @Scheduled(every = "${homework.scores.refresh-every}", delayed = "${homework.scores.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAllClinics() {
        Timer.Sample run = Timer.start();
        LongAdder stale = new LongAdder();
        // Each clinic's refresh runs in that clinic's scope: row-level security shows it no other.
        clinicScope.forEachClinic(clinicId -> {
            try {
                stale.add(scores.refreshStale(clinicId));
            } catch (RuntimeException failed) {
                // One clinic's failure must not starve the others; the next run retries it.
                metrics.scoreRefreshFailed();
                // Exception messages can quote stored values, so the stack goes to debug only.
                LOG.errorf("Refreshing scores of clinic %s failed: %s", clinicId, failed.getClass().getName());
                LOG.debug("Score refresh failure", failed);
            }
        });
        metrics.staleClientScores(stale.sum());
        run.stop(metrics.scoreRefresh());
    }
}
