package com.homeworkapi.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The kept scores (client_score, client_week_score). Plain SQL: these are derived rows that
 * are upserted in batches and aggregated, which is what SQL does well and entities do not.
 */
@ApplicationScoped
public class ScoreStore {

    @Inject
    EntityManager entityManager;

    /** One client's freshly computed score, ready to be kept. */
    public record Scored(UUID clientId, long seenVersion, Instant computedAt, LocalDate computedWeek, String status,
            String fhirAchievementStatus, boolean engaged, int setbackWeeks, LocalDate lastFullWeekStart,
            Double lastFullWeekCompliance, String lastFullWeekBand, Instant lastAttemptAt, String statusJson,
            List<WeekRow> weeks) {
    }

    public record WeekRow(LocalDate weekStart, boolean inProgress, int expected, double countedCredit,
            double extraPractice, Double compliance, String band, boolean setback) {
    }

    /** Marks the client's score stale; runs inside the transaction that changed its data. */
    public void markChanged(UUID clinicId, UUID clientId) {
        // Plain JDBC on the session's connection: this runs on every write's hot path.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("""
                    insert into client_score (clinic_id, client_id, data_version, scored_version)
                    values (?, ?, 1, 0)
                    on conflict (clinic_id, client_id) do update set data_version = client_score.data_version + 1
                    """)) {
                mark.setObject(1, clinicId);
                mark.setObject(2, clientId);
                mark.executeUpdate();
            }
        });
    }

    public void markClinicChanged(UUID clinicId) {
        // Taken like a refresh takes it, so the clinic-wide update and a refresh never deadlock.
        lockClinic(clinicId);
        entityManager.createNativeQuery(
                "update client_score set data_version = data_version + 1 where clinic_id = :clinic")
                .setParameter("clinic", clinicId).executeUpdate();
    }

    /** Serialises refreshes of one clinic across transactions and instances; held until commit. */
    public void lockClinic(UUID clinicId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:clinic as text), 0))")
                .setParameter("clinic", clinicId).getSingleResult();
    }

    /** The same lock as {@link #lockClinic}, taken only if no one holds it; false at once otherwise. */
    public boolean tryLockClinic(UUID clinicId) {
        return (Boolean) entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtextextended(cast(:clinic as text), 0))")
                .setParameter("clinic", clinicId).getSingleResult();
    }

    /** The week rows of many clients as one array per column, in the table's column order. */
    private static final class WeekColumns {

        final Object[] clientIds;
        final Object[] weekStarts;
        final Object[] inProgress;
        final Object[] expected;
        final Object[] countedCredit;
        final Object[] extraPractice;
        final Object[] compliance;
        final Object[] band;
        final Object[] setback;

        WeekColumns(List<ClientWeekRow> rows) {
            int size = rows.size();
            clientIds = new Object[size];
            weekStarts = new Object[size];
            inProgress = new Object[size];
            expected = new Object[size];
            countedCredit = new Object[size];
            extraPractice = new Object[size];
            compliance = new Object[size];
            band = new Object[size];
            setback = new Object[size];
            for (int index = 0; index < size; index++) {
                UUID clientId = rows.get(index).clientId();
                WeekRow row = rows.get(index).row();
                clientIds[index] = clientId;
                weekStarts[index] = Date.valueOf(row.weekStart());
                inProgress[index] = row.inProgress();
                expected[index] = row.expected();
                countedCredit[index] = row.countedCredit();
                extraPractice[index] = row.extraPractice();
                compliance[index] = row.compliance();
                band[index] = row.band();
                setback[index] = row.setback();
            }
        }
    }

    private record ClientWeek(UUID clientId, LocalDate weekStart) {
    }

    private record ClientWeekRow(UUID clientId, WeekRow row) {
    }

    /** The week rows to write (new or changed) and the weeks to drop (kept but no longer scored). */
    private record WeekChanges(List<ClientWeekRow> written, List<ClientWeek> dropped) {
    }

    /**
     * Compares the new week rows with those kept. Runs after the clients' client_score rows are
     * locked, so no other writer of these clients' weeks commits between this read and the writes.
     */
    private static WeekChanges weekChanges(Connection connection, UUID clinicId, List<Scored> scores)
            throws SQLException {
        Map<ClientWeek, WeekRow> kept = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("""
                select client_id, week_start, in_progress, expected, counted_credit, extra_practice, compliance, band,
                       setback
                from client_week_score where clinic_id = ? and client_id = any(?)
                """)) {
            read.setObject(1, clinicId);
            read.setArray(2, connection.createArrayOf("uuid", scores.stream().map(Scored::clientId).toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    LocalDate weekStart = rows.getObject(2, LocalDate.class);
                    double compliance = rows.getDouble(7);
                    Double nullableCompliance = rows.wasNull() ? null : compliance;
                    kept.put(new ClientWeek(rows.getObject(1, UUID.class), weekStart), new WeekRow(weekStart,
                            rows.getBoolean(3), rows.getInt(4), rows.getDouble(5), rows.getDouble(6),
                            nullableCompliance, rows.getString(8), rows.getBoolean(9)));
                }
            }
        }
        List<ClientWeekRow> written = new ArrayList<>();
        for (Scored score : scores) {
            for (WeekRow row : score.weeks()) {
                if (!row.equals(kept.remove(new ClientWeek(score.clientId(), row.weekStart())))) {
                    written.add(new ClientWeekRow(score.clientId(), row));
                }
            }
        }
        return new WeekChanges(written, new ArrayList<>(kept.keySet()));
    }

    /** A client whose kept score is stale, with its time zone and data version read in one statement. */
    public record Stale(UUID clientId, String timeZone, long dataVersion) {
    }

    /**
     * Active clients whose kept score is missing, older than their data or than the scoring
     * rules, or computed in an earlier week of their own time zone (a week has ended since,
     * so statuses may move without any write). {@code now} is the service's clock, not the
     * database's, so both agree on which week it is. In id order from the client after
     * {@code after} (from the first when null), so a pass over a large clinic reads each part of
     * its clients once.
     */
    public List<Stale> staleClients(UUID clinicId, UUID after, Instant now, int limit) {
        var query = entityManager.createNativeQuery("select c.id, c.time_zone, coalesce(s.data_version, 0)"
                + STALE + (after == null ? "" : " and c.id > :after") + " order by c.id limit :limit")
                .setParameter("clinic", clinicId).setParameter("version", ClientScores.SCORING_VERSION)
                .setParameter("now", now)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Stale> stale = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            stale.add(new Stale((UUID) row[0], (String) row[1], ((Number) row[2]).longValue()));
        }
        return stale;
    }

    public long countStale(UUID clinicId, Instant now) {
        return ((Number) entityManager.createNativeQuery("select count(*)" + STALE)
                .setParameter("clinic", clinicId).setParameter("version", ClientScores.SCORING_VERSION)
                .setParameter("now", now)
                .getSingleResult()).longValue();
    }

    private static final String STALE = """
             from client c
            left join client_score s on s.clinic_id = c.clinic_id and s.client_id = c.id
            where c.clinic_id = :clinic and c.status = 'ACTIVE' and """ + staleCondition(":version", ":now");

    /**
     * SQL that is true when the kept score {@code s} (of client_score, possibly missing) of client
     * {@code c} is stale, the one definition for refreshes and for reports that mark their rows.
     *
     * @param version a parameter for {@link ClientScores#scoringVersion()}
     * @param now a parameter for the service's clock, so both agree on which week it is
     */
    public static String staleCondition(String version, String now) {
        return "(s.client_id is null or s.data_version > s.scored_version or s.scoring_version <> " + version
                + " or s.computed_week < cast(date_trunc('week', cast(" + now
                + " as timestamptz) at time zone c.time_zone) as date))";
    }

    /** What is kept for one client, read with the client's time zone in one statement. */
    public record KeptState(String timeZone, long dataVersion, long scoredVersion, LocalDate computedWeek,
            int scoringVersion) {

        boolean isFreshIn(LocalDate currentMonday) {
            return scoredVersion == dataVersion && scoringVersion == ClientScores.SCORING_VERSION
                    && computedWeek != null && !computedWeek.isBefore(currentMonday);
        }
    }

    public KeptState state(UUID clinicId, UUID clientId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select c.time_zone, coalesce(s.data_version, 0), coalesce(s.scored_version, -1), s.computed_week,
                       coalesce(s.scoring_version, 0)
                from client c left join client_score s on s.clinic_id = c.clinic_id and s.client_id = c.id
                where c.clinic_id = :clinic and c.id = :client
                """).setParameter("clinic", clinicId).setParameter("client", clientId).getSingleResult();
        return new KeptState((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                row[3] == null ? null : LocalDate.parse(row[3].toString()), ((Number) row[4]).intValue());
    }

    /** Keeps the scores; a slower writer holding an older version never overwrites a newer score. */
    public void save(UUID clinicId, List<Scored> scores) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement client = connection.prepareStatement("""
                    insert into client_score (clinic_id, client_id, data_version, scored_version, scoring_version,
                        computed_at,
                        computed_week, status, fhir_achievement_status, engaged, setback_weeks, last_full_week_start,
                        last_full_week_compliance, last_full_week_band, last_attempt_at, status_json)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (clinic_id, client_id) do update set scored_version = excluded.scored_version,
                        scoring_version = excluded.scoring_version,
                        computed_at = excluded.computed_at, computed_week = excluded.computed_week,
                        status = excluded.status, fhir_achievement_status = excluded.fhir_achievement_status,
                        engaged = excluded.engaged, setback_weeks = excluded.setback_weeks,
                        last_full_week_start = excluded.last_full_week_start,
                        last_full_week_compliance = excluded.last_full_week_compliance,
                        last_full_week_band = excluded.last_full_week_band,
                        last_attempt_at = excluded.last_attempt_at, status_json = excluded.status_json
                    where client_score.scored_version <= excluded.scored_version
                    """);
                    // A chunk's weeks go in one statement each way, an array per column. A delete and
                    // insert per client made a rescoring quadratic once the week table had been
                    // analysed while small: the per-client delete's cached plan was a full scan.
                    PreparedStatement writeWeeks = connection.prepareStatement("""
                            insert into client_week_score (clinic_id, client_id, week_start, in_progress, expected,
                                counted_credit, extra_practice, compliance, band, setback)
                            select ?, * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (clinic_id, client_id, week_start) do update set
                                in_progress = excluded.in_progress, expected = excluded.expected,
                                counted_credit = excluded.counted_credit, extra_practice = excluded.extra_practice,
                                compliance = excluded.compliance, band = excluded.band, setback = excluded.setback
                            """);
                    PreparedStatement dropWeeks = connection.prepareStatement("""
                            delete from client_week_score w
                            using unnest(?, ?) as gone(client_id, week_start)
                            where w.clinic_id = ? and w.client_id = gone.client_id and w.week_start = gone.week_start
                            """)) {
                for (Scored score : scores) {
                    client.setObject(1, clinicId);
                    client.setObject(2, score.clientId());
                    client.setLong(3, score.seenVersion());
                    client.setLong(4, score.seenVersion());
                    client.setInt(5, ClientScores.SCORING_VERSION);
                    client.setTimestamp(6, Timestamp.from(score.computedAt()));
                    client.setDate(7, Date.valueOf(score.computedWeek()));
                    client.setString(8, score.status());
                    client.setString(9, score.fhirAchievementStatus());
                    client.setBoolean(10, score.engaged());
                    client.setInt(11, score.setbackWeeks());
                    client.setObject(12, score.lastFullWeekStart() == null ? null : Date.valueOf(score.lastFullWeekStart()),
                            Types.DATE);
                    client.setObject(13, score.lastFullWeekCompliance(), Types.DOUBLE);
                    client.setString(14, score.lastFullWeekBand());
                    client.setObject(15, score.lastAttemptAt() == null ? null : Timestamp.from(score.lastAttemptAt()),
                            Types.TIMESTAMP);
                    client.setString(16, score.statusJson());
                    client.addBatch();
                }
                // The client_score row lock orders concurrent writers; weeks follow only where it applied.
                int[] applied = client.executeBatch();
                List<Scored> kept = new ArrayList<>(scores.size());
                for (int i = 0; i < scores.size(); i++) {
                    if (applied[i] != 0) {
                        kept.add(scores.get(i));
                    }
                }
                if (kept.isEmpty()) {
                    return;
                }
                // Only the weeks that changed are written: a rules change or a new week leaves most
                // of a client's weeks as they were, and rewriting them all was most of a save.
                WeekChanges changes = weekChanges(connection, clinicId, kept);
                if (!changes.written().isEmpty()) {
                    WeekColumns columns = new WeekColumns(changes.written());
                    writeWeeks.setObject(1, clinicId);
                    writeWeeks.setArray(2, connection.createArrayOf("uuid", columns.clientIds));
                    writeWeeks.setArray(3, connection.createArrayOf("date", columns.weekStarts));
                    writeWeeks.setArray(4, connection.createArrayOf("bool", columns.inProgress));
                    writeWeeks.setArray(5, connection.createArrayOf("int4", columns.expected));
                    writeWeeks.setArray(6, connection.createArrayOf("float8", columns.countedCredit));
                    writeWeeks.setArray(7, connection.createArrayOf("float8", columns.extraPractice));
                    writeWeeks.setArray(8, connection.createArrayOf("float8", columns.compliance));
                    writeWeeks.setArray(9, connection.createArrayOf("varchar", columns.band));
                    writeWeeks.setArray(10, connection.createArrayOf("bool", columns.setback));
                    writeWeeks.executeUpdate();
                }
                if (!changes.dropped().isEmpty()) {
                    dropWeeks.setArray(1, connection.createArrayOf("uuid",
                            changes.dropped().stream().map(ClientWeek::clientId).toArray()));
                    dropWeeks.setArray(2, connection.createArrayOf("date",
                            changes.dropped().stream().map(week -> Date.valueOf(week.weekStart())).toArray()));
                    dropWeeks.setObject(3, clinicId);
                    dropWeeks.executeUpdate();
                }
            }
        });
    }
}
