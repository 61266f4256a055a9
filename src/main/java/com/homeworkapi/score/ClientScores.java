package com.homeworkapi.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.ClinicSettingsChanged;
import com.homeworkapi.scoring.AttemptRecord;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientScoring;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.WeekAssessment;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

/**
 * Keeps every client's score up to date. Writes only mark a score stale (one upsert in the
 * writer's transaction); scores are recomputed in bulk when a report finds a few stale or the
 * background refresh runs, so logging an attempt never pays for scoring, and a refresh
 * rescores only clients whose data changed or whose week has ended since.
 */
@ApplicationScoped
public class ClientScores {

    /** Clients scored per transaction: large enough for few queries, small enough to hold in memory. */
    static final int CHUNK = 500;

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
     * The number of rounds is bounded by what was stale at the start, so clocks that disagree
     * about when a week begins cannot keep it looping. Each chunk commits on its own, and the
     * lock is held for one chunk only: a settings change waits for a chunk, never a clinic.
     */
    private long refresh(UUID clinicId, long stale, boolean waitForLock) {
        if (stale == 0) {
            return 0;
        }
        long rounds = stale / CHUNK + 1;
        for (long round = 0; round < rounds; round++) {
            if (QuarkusTransaction.requiringNew().call(() -> refreshChunk(clinicId, waitForLock)) < CHUNK) {
                break;
            }
        }
        return stale;
    }

    /** @return the clients scored, or -1 when another refresh holds the clinic and this one does not wait */
    private int refreshChunk(UUID clinicId, boolean waitForLock) {
        // One refresh of a clinic at a time, across instances: the next one finds the work done.
        if (waitForLock) {
            store.lockClinic(clinicId);
        } else if (!store.tryLockClinic(clinicId)) {
            return -1;
        }
        Instant now = clock.instant();
        List<ScoreStore.Stale> stale = store.staleClients(clinicId, now, CHUNK);
        if (stale.isEmpty()) {
            return 0;
        }
        // Versions are read before the data, so a change committed meanwhile leaves the score stale.
        Map<UUID, String> zones = new HashMap<>();
        stale.forEach(client -> zones.put(client.clientId(), client.timeZone()));
        Map<UUID, ClientRecord> records = inputs.load(clinicId, zones);
        ScoringSettings settings = settings(clinicId);
        // Scoring is pure and each client's alone, so the chunk is scored on every core; the
        // reads before and the save after are the transaction's, on this thread.
        List<ScoreStore.Scored> kept = stale.parallelStream()
                .map(client -> {
                    ClientRecord record = records.get(client.clientId());
                    return toKept(client.clientId(), client.dataVersion(), record,
                            ClientScoring.score(record, settings, now));
                })
                .toList();
        store.save(clinicId, kept);
        return stale.size();
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
