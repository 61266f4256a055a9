package com.homeworkapi.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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
        entityManager.createNativeQuery("""
                insert into client_score (clinic_id, client_id, data_version, scored_version)
                values (:clinic, :client, 1, 0)
                on conflict (clinic_id, client_id) do update set data_version = client_score.data_version + 1
                """).setParameter("clinic", clinicId).setParameter("client", clientId).executeUpdate();
    }

    public void markClinicChanged(UUID clinicId) {
        entityManager.createNativeQuery(
                "update client_score set data_version = data_version + 1 where clinic_id = :clinic")
                .setParameter("clinic", clinicId).executeUpdate();
    }

    /**
     * Active clients whose kept score is missing, older than their data, or computed in an
     * earlier week of their own time zone (a week has ended since, so statuses may move).
     */
    public Map<UUID, String> staleClients(UUID clinicId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select c.id, c.time_zone from client c
                left join client_score s on s.clinic_id = c.clinic_id and s.client_id = c.id
                where c.clinic_id = :clinic and c.status = 'ACTIVE'
                  and (s.client_id is null or s.data_version > s.scored_version
                       or s.computed_week < cast(date_trunc('week', now() at time zone c.time_zone) as date))
                limit :limit
                """).setParameter("clinic", clinicId).setParameter("limit", limit).getResultList();
        Map<UUID, String> zones = new HashMap<>();
        for (Object[] row : rows) {
            zones.put((UUID) row[0], (String) row[1]);
        }
        return zones;
    }

    /** What is kept for one client: its data version, the version last scored, and the week it was scored in. */
    public record KeptState(long dataVersion, long scoredVersion, LocalDate computedWeek) {

        static final KeptState NONE = new KeptState(0, -1, null);

        boolean isFreshIn(LocalDate currentMonday) {
            return scoredVersion == dataVersion && computedWeek != null && !computedWeek.isBefore(currentMonday);
        }
    }

    public KeptState state(UUID clinicId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select data_version, scored_version, computed_week"
                + " from client_score where clinic_id = :clinic and client_id = :client")
                .setParameter("clinic", clinicId).setParameter("client", clientId).getResultList();
        if (rows.isEmpty()) {
            return KeptState.NONE;
        }
        Object[] row = rows.get(0);
        return new KeptState(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : LocalDate.parse(row[2].toString()));
    }

    public Map<UUID, Long> dataVersions(UUID clinicId, Collection<UUID> clientIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select client_id, data_version from client_score where clinic_id = :clinic and client_id in :clients")
                .setParameter("clinic", clinicId).setParameter("clients", clientIds).getResultList();
        Map<UUID, Long> versions = new HashMap<>();
        for (Object[] row : rows) {
            versions.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return versions;
    }

    /** Keeps the scores; a slower writer holding an older version never overwrites a newer score. */
    public void save(UUID clinicId, List<Scored> scores) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement client = connection.prepareStatement("""
                    insert into client_score (clinic_id, client_id, data_version, scored_version, computed_at,
                        computed_week, status, fhir_achievement_status, engaged, setback_weeks, last_full_week_start,
                        last_full_week_compliance, last_full_week_band, last_attempt_at, evidence)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (clinic_id, client_id) do update set scored_version = excluded.scored_version,
                        computed_at = excluded.computed_at, computed_week = excluded.computed_week,
                        status = excluded.status, fhir_achievement_status = excluded.fhir_achievement_status,
                        engaged = excluded.engaged, setback_weeks = excluded.setback_weeks,
                        last_full_week_start = excluded.last_full_week_start,
                        last_full_week_compliance = excluded.last_full_week_compliance,
                        last_full_week_band = excluded.last_full_week_band,
                        last_attempt_at = excluded.last_attempt_at, evidence = excluded.evidence
                    where client_score.scored_version <= excluded.scored_version
                    """);
                    PreparedStatement clearWeeks = connection.prepareStatement(
                            "delete from client_week_score where clinic_id = ? and client_id = ?");
                    PreparedStatement week = connection.prepareStatement("""
                            insert into client_week_score (clinic_id, client_id, week_start, in_progress, expected,
                                counted_credit, extra_practice, compliance, band, setback)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (clinic_id, client_id, week_start) do update set
                                in_progress = excluded.in_progress, expected = excluded.expected,
                                counted_credit = excluded.counted_credit, extra_practice = excluded.extra_practice,
                                compliance = excluded.compliance, band = excluded.band, setback = excluded.setback
                            """)) {
                for (Scored score : scores) {
                    client.setObject(1, clinicId);
                    client.setObject(2, score.clientId());
                    client.setLong(3, score.seenVersion());
                    client.setLong(4, score.seenVersion());
                    client.setTimestamp(5, Timestamp.from(score.computedAt()));
                    client.setDate(6, Date.valueOf(score.computedWeek()));
                    client.setString(7, score.status());
                    client.setString(8, score.fhirAchievementStatus());
                    client.setBoolean(9, score.engaged());
                    client.setInt(10, score.setbackWeeks());
                    client.setObject(11, score.lastFullWeekStart() == null ? null : Date.valueOf(score.lastFullWeekStart()),
                            Types.DATE);
                    client.setObject(12, score.lastFullWeekCompliance(), Types.DOUBLE);
                    client.setString(13, score.lastFullWeekBand());
                    client.setObject(14, score.lastAttemptAt() == null ? null : Timestamp.from(score.lastAttemptAt()),
                            Types.TIMESTAMP);
                    client.setString(15, score.statusJson());
                    client.addBatch();
                }
                // The client_score row lock orders concurrent writers; weeks follow only where it applied.
                int[] applied = client.executeBatch();
                for (int i = 0; i < scores.size(); i++) {
                    if (applied[i] == 0) {
                        continue;
                    }
                    Scored score = scores.get(i);
                    clearWeeks.setObject(1, clinicId);
                    clearWeeks.setObject(2, score.clientId());
                    clearWeeks.addBatch();
                    for (WeekRow row : score.weeks()) {
                        week.setObject(1, clinicId);
                        week.setObject(2, score.clientId());
                        week.setDate(3, Date.valueOf(row.weekStart()));
                        week.setBoolean(4, row.inProgress());
                        week.setInt(5, row.expected());
                        week.setDouble(6, row.countedCredit());
                        week.setDouble(7, row.extraPractice());
                        week.setObject(8, row.compliance(), Types.DOUBLE);
                        week.setString(9, row.band());
                        week.setBoolean(10, row.setback());
                        week.addBatch();
                    }
                }
                clearWeeks.executeBatch();
                week.executeBatch();
            }
        });
    }
}
