package com.homeworkapi.score;

import com.homeworkapi.common.DaemonThreads;
import com.homeworkapi.observability.DomainMetrics;
import com.homeworkapi.security.ClinicScope;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Keeps scores fresh between reports: after a burst of synced attempts, or when a new week
 * begins in the clients' time zones, the next report finds nothing left to compute. Any
 * number of instances may run it; two computing the same client only repeat work. A report
 * that finds too many stale scores to wait for hands its clinic to the same refresh, started
 * at once on a thread of its own ({@link #refreshInBackground}), which leaves the clinic to
 * any refresh that holds it rather than wait.
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

    @Inject
    ScoresConfig config;

    /** Clinics queued or being rescored for a report on this instance: a second report joins, never queues. */
    private final Set<UUID> requested = ConcurrentHashMap.newKeySet();

    /**
     * One thread: a chunk is already scored on every core, so two clinics at once would only
     * share them. Threads of its own, not the request's, so no request context or timeout of a
     * request carries over.
     */
    private ExecutorService background;

    void start(@Observes StartupEvent started) {
        background = Executors.newSingleThreadExecutor(DaemonThreads.named("score-refresh"));
    }

    void stop(@Observes ShutdownEvent stopping) {
        // A chunk cut short rolls back; its clients stay stale for the next refresh.
        background.shutdownNow();
    }

    @Scheduled(every = "${homework.scores.refresh-every}", delayed = "${homework.scores.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAllClinics() {
        Timer.Sample run = Timer.start();
        LongAdder stale = new LongAdder();
        // Each clinic's refresh runs in that clinic's scope: row-level security shows it no other.
        clinicScope.forEachClinic(clinicId -> stale.add(refreshClinic(clinicId, true)));
        metrics.staleClientScores(stale.sum());
        run.stop(metrics.scoreRefresh());
    }

    /**
     * Before a clinic report: rescores the clinic's stale clients now if there are at most
     * {@code homework.scores.inline-refresh-max} of them, so a write shows in the next report.
     *
     * @return false when there were more, left for {@link #refreshInBackground} so the report need not wait
     */
    public boolean refreshBeforeReport(UUID clinicId) {
        return scores.refreshStaleIfAtMost(clinicId, config.inlineRefreshMax());
    }

    /**
     * Rescores the clinic's stale clients in the background, a chunk per transaction, so new
     * scores appear in reports as each chunk commits. Joins a rescoring of the clinic that this
     * instance has queued or running; one running on another instance holds the clinic's lock,
     * and this one then gives up at its first chunk.
     */
    public void refreshInBackground(UUID clinicId) {
        if (!requested.add(clinicId)) {
            return;
        }
        try {
            background.execute(() -> {
                // As the scheduler runs refreshAllClinics: a request context of its own (no HTTP
                // request, so background statement timeouts), and the clinic named for row-level security.
                ManagedContext context = Arc.container().requestContext();
                context.activate();
                try {
                    clinicScope.run(clinicId, () -> refreshClinic(clinicId, false));
                } finally {
                    context.terminate();
                    requested.remove(clinicId);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The service is stopping; the next report or refresh finds the clinic still stale.
            requested.remove(clinicId);
        }
    }

    /**
     * One clinic's refresh, in its scope; its failure must not starve the others, and the next
     * run retries it. The scheduled run waits for a refresh of the clinic that holds its lock
     * and takes turns with it, chunk by chunk, as it always has; a rescoring started for a
     * report gives up instead, so two of them never run for one clinic.
     */
    private long refreshClinic(UUID clinicId, boolean waitForLock) {
        try {
            return waitForLock ? scores.refreshStale(clinicId) : scores.refreshStaleUnlessBusy(clinicId);
        } catch (RuntimeException failed) {
            metrics.scoreRefreshFailed();
            // Exception messages can quote stored values, so the stack goes to debug only.
            LOG.errorf("Refreshing scores of clinic %s failed: %s", clinicId, failed.getClass().getName());
            LOG.debug("Score refresh failure", failed);
            return 0;
        }
    }
}
