package com.homeworkapi.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the service did for its callers, as Prometheus series that exist from the start with
 * zero values: a dashboard or alert never has to tell "nothing happened" from "not measured".
 * Counters move once the work they count has committed.
 */
@Startup
@Singleton
public class DomainMetrics {

    /** How an attempt came in: the single POST or a batch of /v1/sync/attempts. */
    public enum AttemptSource {
        SINGLE, BATCH
    }

    /** What became of one item of a synced batch. */
    public enum SyncResult {
        CREATED, DUPLICATE, REJECTED
    }

    private final Map<AttemptSource, Counter> attemptsStored = new EnumMap<>(AttemptSource.class);
    private final Map<SyncResult, Counter> syncItems = new EnumMap<>(SyncResult.class);
    private final Counter idempotentReplays;
    private final AtomicLong staleClientScores = new AtomicLong();
    private final Timer scoreRefresh;
    private final Counter scoreRefreshFailures;

    DomainMetrics(MeterRegistry registry) {
        for (AttemptSource source : AttemptSource.values()) {
            attemptsStored.put(source, Counter.builder("homework.attempts.stored")
                    .description("Attempts stored, by how they came in (a retry of a stored one is not counted)")
                    .tag("source", lower(source)).register(registry));
        }
        for (SyncResult result : SyncResult.values()) {
            syncItems.put(result, Counter.builder("homework.sync.items")
                    .description("Items of /v1/sync/attempts batches, by their result")
                    .tag("result", lower(result)).register(registry));
        }
        idempotentReplays = Counter.builder("homework.idempotent.replays")
                .description("POSTs answered with the stored answer of their Idempotency-Key").register(registry);
        Gauge.builder("homework.scores.stale", staleClientScores, AtomicLong::get)
                .description("Client scores the last background refresh found stale, across all clinics")
                .register(registry);
        scoreRefresh = Timer.builder("homework.scores.refresh")
                .description("Duration of a background refresh of the stale scores of every clinic").register(registry);
        scoreRefreshFailures = Counter.builder("homework.scores.refresh.failures")
                .description("Clinics whose background score refresh failed (retried by the next run)")
                .register(registry);
    }

    public void attemptsStored(AttemptSource source, long count) {
        attemptsStored.get(source).increment(count);
    }

    public void syncItem(SyncResult result) {
        syncItems.get(result).increment();
    }

    public void idempotentReplay() {
        idempotentReplays.increment();
    }

    public void staleClientScores(long count) {
        staleClientScores.set(count);
    }

    public Timer scoreRefresh() {
        return scoreRefresh;
    }

    public void scoreRefreshFailed() {
        scoreRefreshFailures.increment();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
