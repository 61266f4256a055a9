package com.homeworkapi.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.ClinicSettingsChanged;
import com.homeworkapi.common.DaemonThreads;
import com.homeworkapi.scoring.AttemptRecord;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientScoring;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.WeekAssessment;
import com.homeworkapi.security.ClinicScope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every client's score up to date. Writes only mark a score stale (one upsert in the
 * writer's transaction); scores are recomputed in bulk when a report finds a few stale or the
 * background refresh runs, so logging an attempt never pays for scoring, and a refresh
 * rescores only clients whose data changed or whose week has ended since.
 */
@ApplicationScoped
public class ClientScores {

    private static final Logger LOG = Logger.getLogger(ClientScores.class);

    /**
     * Raise when the scoring rules or the kept JSON change: every kept score becomes stale.
     * 2: the slip rule renamed, setbackWeeks as the run of setback weeks, evidence without repeats,
     * explanations for both directions, and each week counted in the time zone in force then.
     */
    static final int SCORING_VERSION = 2;

    @Inject
    ScoreStore store;

    @Inject
    ScoreInputs inputs;

    @Inject
    ClinicSettingsService clinicSettings;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    ClinicScope clinicScope;

    @Inject
    ScoresConfig config;

    /** Reads the next chunk of a long refresh while the refresh's own thread scores and saves the last. */
    private ExecutorService loaders;

    void start(@Observes StartupEvent started) {
        loaders = Executors.newCachedThreadPool(DaemonThreads.named("score-inputs"));
    }

    void stop(@Observes ShutdownEvent stopping) {
        loaders.shutdownNow();
    }

    void onClientDataChanged(@Observes ClientDataChanged changed) {
        store.markChanged(changed.clinicId(), changed.clientId());
    }

    void onClinicSettingsChanged(@Observes ClinicSettingsChanged changed) {
        store.markClinicChanged(changed.clinicId());
    }

    /**
     * Scores one client now from all its data, and keeps the result for reports if what was
     * kept is stale. The time zone is read with the kept version, so a zone change committed
     * meanwhile cannot be scored under the old zone and kept as fresh.
     */
    public ClientScoreReport scoreNow(UUID clinicId, UUID clientId) {
        return scoreRecordNow(clinicId, clientId).report();
    }

    /** As {@link #scoreNow}, with the record it was scored from, for views that draw the record itself. */
    public ScoredClient scoreRecordNow(UUID clinicId, UUID clientId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ScoreStore.KeptState kept = store.state(clinicId, clientId);
            ScoreInputs.OneClient inputsOfClient = inputs.loadOne(clinicId, clientId, kept.timeZone());
            ClientRecord record = inputsOfClient.record();
            ClientScoreReport report = ClientScoring.score(record, settings(clinicId), clock);
            if (!kept.isFreshIn(IsoWeek.containing(report.today()).monday())) {
                store.save(clinicId, List.of(toKept(clientId, kept.dataVersion(), record, report)));
            }
            return new ScoredClient(record, report, inputsOfClient.unfinished());
        });
    }

    /** The version of the scoring rules the service runs; a kept score of another is stale. */
    public static int scoringVersion() {
        return SCORING_VERSION;
    }

    /** How many of the clinic's active clients have a stale kept score (or none) now. */
    public long countStale(UUID clinicId) {
        return QuarkusTransaction.requiringNew().call(() -> store.countStale(clinicId, clock.instant()));
    }

    /**
     * Brings every stale score of the clinic up to date, a chunk per transaction, waiting for a
     * refresh of the clinic that holds its lock to finish its chunk.
     *
     * @return how many scores were stale at the start
     */
    public long refreshStale(UUID clinicId) {
        return refresh(clinicId, countStale(clinicId), true);
    }

    /**
     * Brings the clinic's stale scores up to date only if there are at most {@code max} of
     * them, so what the caller waits for is bounded.
     *
     * @return whether the scores were brought up to date (or nothing was stale)
     */
    public boolean refreshStaleIfAtMost(UUID clinicId, long max) {
        long stale = countStale(clinicId);
        if (stale > max) {
            return false;
        }
        refresh(clinicId, stale, true);
        return true;
    }

    /**
     * As {@link #refreshStale}, for background work: gives up as soon as another refresh of the
     * clinic (on this instance or another) holds its lock, and leaves the rest to that one, so a
     * clinic is rescored by one refresh at a time and none waits for another.
     *
     * @return how many scores were stale at the start
     */
    public long refreshStaleUnlessBusy(UUID clinicId) {
        return refresh(clinicId, countStale(clinicId), false);
    }

    /**
     * A few stale clients are rescored in one transaction. More are rescored in one pass over the
     * clinic in client order, a chunk per transaction, with the next chunk read on a thread of its
     * own while this one is scored and saved, so the database and both cores work at once. The
     * pass ends at the last client, so clocks that disagree about when a week begins cannot keep it
     * looping; clients that turn stale behind it are left to the next refresh.
     */
    private long refresh(UUID clinicId, long stale, boolean waitForLock) {
        if (stale == 0) {
            return 0;
        }
        if (stale <= config.chunk()) {
            QuarkusTransaction.requiringNew().run(() -> refreshChunk(clinicId, waitForLock));
        } else {
            refreshPass(clinicId, waitForLock);
        }
        return stale;
    }

    /** The inputs of a chunk of stale clients, read in one transaction, scored and saved in another. */
    private record LoadedChunk(List<ScoreStore.Stale> clients, Map<UUID, ClientRecord> records, Instant now,
            long loadMillis) {

        static final LoadedChunk END = new LoadedChunk(List.of(), Map.of(), null, 0);

        UUID lastClient() {
            return clients.get(clients.size() - 1).clientId();
        }
    }

    private void refreshPass(UUID clinicId, boolean waitForLock) {
        // One chunk waits while the next is read: memory holds three chunks, whatever the clinic's size.
        BlockingQueue<LoadedChunk> loaded = new ArrayBlockingQueue<>(1);
        Future<?> loading = loaders.submit(() -> inClinicScope(clinicId, () -> {
            try {
                UUID after = null;
                while (true) {
                    UUID from = after;
                    LoadedChunk chunk = QuarkusTransaction.requiringNew().call(() -> loadChunk(clinicId, from));
                    if (chunk.clients().isEmpty()) {
                        break;
                    }
                    loaded.put(chunk);
                    after = chunk.lastClient();
                }
                loaded.put(LoadedChunk.END);
            } catch (InterruptedException stopped) {
                // The pass was given up: the saving side is gone and reads no more.
                Thread.currentThread().interrupt();
            }
        }));
        try {
            while (true) {
                LoadedChunk chunk = loaded.poll(1, TimeUnit.SECONDS);
                if (chunk == null) {
                    if (loading.isDone()) {
                        loading.get(); // the reader failed before its end marker: its failure is this pass's
                        break;
                    }
                    continue;
                }
                if (chunk == LoadedChunk.END || !scoreAndSave(clinicId, chunk, waitForLock)) {
                    break;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("reading scores' inputs failed", failed.getCause());
        } finally {
            loading.cancel(true);
        }
    }

    /** Runs on a reader thread what the refresh's own thread runs within: a request context and the clinic's scope. */
    private void inClinicScope(UUID clinicId, Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            clinicScope.run(clinicId, work);
        } finally {
            context.terminate();
        }
    }

    /**
     * A few stale clients in one transaction, read only once the lock is held, so a refresh that
     * waited for another finds its work done. Does nothing when another refresh holds the clinic
     * and this one does not wait.
     */
    private void refreshChunk(UUID clinicId, boolean waitForLock) {
        if (!lockClinic(clinicId, waitForLock)) {
            return;
        }
        LoadedChunk chunk = loadChunk(clinicId, null);
        if (!chunk.clients().isEmpty()) {
            store.save(clinicId, score(clinicId, chunk));
        }
    }

    /** One refresh of a clinic at a time, across instances: the next one finds the work done. */
    private boolean lockClinic(UUID clinicId, boolean wait) {
        if (wait) {
            store.lockClinic(clinicId);
            return true;
        }
        return store.tryLockClinic(clinicId);
    }

    private LoadedChunk loadChunk(UUID clinicId, UUID after) {
        Instant now = clock.instant();
        List<ScoreStore.Stale> stale = store.staleClients(clinicId, after, now, config.chunk());
        if (stale.isEmpty()) {
            return new LoadedChunk(stale, Map.of(), now, 0);
        }
        // Versions are read before the data, so a change committed meanwhile leaves the score stale.
        Map<UUID, String> zones = new HashMap<>();
        stale.forEach(client -> zones.put(client.clientId(), client.timeZone()));
        long started = System.nanoTime();
        Map<UUID, ClientRecord> records = inputs.load(clinicId, zones);
        return new LoadedChunk(stale, records, now, (System.nanoTime() - started) / 1_000_000);
    }

    /** @return false when another refresh holds the clinic and this one does not wait */
    private boolean scoreAndSave(UUID clinicId, LoadedChunk chunk, boolean waitForLock) {
        long started = System.nanoTime();
        List<ScoreStore.Scored> kept = score(clinicId, chunk);
        long scored = System.nanoTime();
        boolean saved = QuarkusTransaction.requiringNew().call(() -> {
            if (!lockClinic(clinicId, waitForLock)) {
                return false;
            }
            store.save(clinicId, kept);
            return true;
        });
        LOG.debugf("Rescored %d clients: loading %d ms, scoring %d ms, saving %d ms", chunk.clients().size(),
                chunk.loadMillis(), (scored - started) / 1_000_000, (System.nanoTime() - scored) / 1_000_000);
        return saved;
    }

    /** Scoring is pure and each client's alone, so a chunk is scored on every core. */
    private List<ScoreStore.Scored> score(UUID clinicId, LoadedChunk chunk) {
        ScoringSettings settings = settings(clinicId);
        return chunk.clients().parallelStream()
                .map(client -> {
                    ClientRecord record = chunk.records().get(client.clientId());
                    return toKept(client.clientId(), client.dataVersion(), record,
                            ClientScoring.score(record, settings, chunk.now()));
                })
                .toList();
    }

    public ScoringSettings settings(UUID clinicId) {
        return clinicSettings.scoringSettings(clinicId);
    }

    public Map<String, Instrument> instruments(UUID clinicId) {
        return clinicSettings.instruments(clinicId);
    }

    private ScoreStore.Scored toKept(UUID clientId, long seenVersion, ClientRecord record, ClientScoreReport report) {
        WeekAssessment lastEnded = report.status().lastEndedWeek();
        Instant lastAttempt = record.attempts().stream().map(AttemptRecord::occurredAt).max(Comparator.naturalOrder())
                .orElse(null);
        List<ScoreStore.WeekRow> weeks = report.status().weeks().stream()
                .map(week -> new ScoreStore.WeekRow(week.week().monday(), week.inProgress(), week.expected(),
                        week.countedCredit(), week.extraPractice(), week.compliance(), week.band().code(),
                        week.setback()))
                .toList();
        StatusResponse status = StatusResponse.from(report.status());
        return new ScoreStore.Scored(clientId, seenVersion, report.computedAt(),
                IsoWeek.containing(report.today()).monday(), status.code(), status.fhirAchievementStatus(),
                status.engaged(), status.setbackWeeks(), lastEnded == null ? null : lastEnded.week().monday(),
                lastEnded == null ? null : lastEnded.compliance(),
                lastEnded == null ? null : lastEnded.band().code(), lastAttempt, toJson(status), weeks);
    }

    private String toJson(StatusResponse status) {
        try {
            return json.writeValueAsString(status);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("status could not be written as JSON", impossible);
        }
    }
}
