package com.homeworkapi.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.score.ClientScores;
import com.homeworkapi.score.ScoreStore;
import com.homeworkapi.score.StatusResponse;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Clinic reports over the kept scores. Rows are read through a server-side cursor and handed
 * on one by one, so a clinic of any size streams without being held in memory. Plain JDBC on the
 * caller's transaction, which names the clinic to row-level security.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReportRepository {

    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @FunctionalInterface
    public interface RowSink<T> {
        void accept(T row) throws java.io.IOException;
    }

    /**
     * The rows of the compliance report, each marked stale or not as of {@code now} (the service's
     * clock, as refreshes judge it).
     */
    public void complianceRows(UUID clinicId, LocalDate from, LocalDate to, String clinicianId, Instant now,
            RowSink<ReportRow> sink) throws SQLException, java.io.IOException {
        String sql = """
                select c.id, c.display_name, c.primary_clinician_id, s.status, w.weeks, w.mean,
                       s.last_full_week_start, s.last_full_week_compliance, s.last_full_week_band,
                       coalesce(s.setback_weeks, 0), s.last_attempt_at, s.computed_at,
                       case when s.computed_at is null then null else s.scoring_version end, """
                + ScoreStore.staleCondition("?", "?") + """

                from client c
                left join lateral (select client_id, data_version, scored_version, scoring_version, computed_week,
                                          status, last_full_week_start, last_full_week_compliance, last_full_week_band,
                                          setback_weeks, last_attempt_at, computed_at
                           from client_score where clinic_id = c.clinic_id and client_id = c.id limit 1) s on true
                left join lateral (select count(*) as weeks, sum(counted_credit) / sum(expected) as mean
                           from client_week_score
                           where clinic_id = c.clinic_id and client_id = c.id and week_start between ? and ?
                             and not in_progress and expected > 0) w on true
                where c.clinic_id = ? and c.status = 'ACTIVE' and (cast(? as varchar) is null or c.primary_clinician_id = ?)
                order by c.created_at, c.id
                """;
        // The caller's transaction holds the connection, so the cursor streams (fetch size) within it.
        try (Connection connection = dataSource.getConnection()) {
            readByIndexOnly(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                int next = setStaleParameters(statement, 1, now);
                statement.setDate(next, Date.valueOf(from));
                statement.setDate(next + 1, Date.valueOf(to));
                statement.setObject(next + 2, clinicId);
                statement.setString(next + 3, clinicianId);
                statement.setString(next + 4, clinicianId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new ReportRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getInt(5), nullableDouble(rows, 6), localDate(rows, 7),
                                nullableDouble(rows, 8), rows.getString(9), rows.getInt(10), instant(rows, 11),
                                instant(rows, 12), nullableInteger(rows, 13), rows.getBoolean(14)));
                    }
                }
            }
        }
    }

    /** The at-risk list's rows and how many clients in its scope are stale, read in one snapshot. */
    public record AtRiskRows(List<AtRiskRow> rows, long staleClients) {
    }

    /**
     * Clients whose kept status is a setback, most serious first: relapse, at risk, slip; then the
     * most setback weeks in the run. Each marked stale or not as of {@code now}; with the count of
     * active clients in scope (listed or not) whose kept score is stale or missing. One statement,
     * so a rescoring that commits meanwhile cannot make the count vouch for rows read before it.
     */
    public AtRiskRows atRiskRows(UUID clinicId, String clinicianId, Instant now) throws SQLException {
        String sql = """
                with scoped as (
                    select c.clinic_id, c.id, c.display_name, c.primary_clinician_id, c.created_at, s.status,
                           s.setback_weeks, s.last_full_week_compliance, s.last_attempt_at, s.computed_at,
                           s.scoring_version, """ + ScoreStore.staleCondition("?", "?") + """
                 as stale
                    from client c
                    left join lateral (select client_id, data_version, scored_version, scoring_version, computed_week,
                                              status, last_full_week_compliance, setback_weeks, last_attempt_at,
                                              computed_at
                               from client_score where clinic_id = c.clinic_id and client_id = c.id limit 1) s on true
                    where c.clinic_id = ? and c.status = 'ACTIVE'
                      and (cast(? as varchar) is null or c.primary_clinician_id = ?)
                )
                select r.id, r.display_name, r.primary_clinician_id,
                       (select status_json from client_score
                        where clinic_id = r.clinic_id and client_id = r.id limit 1),
                       r.last_full_week_compliance, r.last_attempt_at, r.computed_at, r.scoring_version, r.stale,
                       n.stale_clients
                from (select count(*) filter (where stale) as stale_clients from scoped) n
                left join lateral (select * from scoped where status in ('relapse', 'at_risk', 'slip')) r on true
                order by case r.status when 'relapse' then 0 when 'at_risk' then 1 else 2 end,
                         r.setback_weeks desc, r.created_at, r.id
                """;
        List<AtRiskRow> result = new ArrayList<>();
        long staleClients = 0;
        // In the caller's transaction, which names the clinic for row-level security.
        try (Connection connection = dataSource.getConnection()) {
            readByIndexOnly(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = setStaleParameters(statement, 1, now);
                statement.setObject(next, clinicId);
                statement.setString(next + 1, clinicianId);
                statement.setString(next + 2, clinicianId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        staleClients = rows.getLong(10);
                        UUID clientId = rows.getObject(1, UUID.class);
                        if (clientId == null) {
                            continue; // the one row of an empty list, which carries the count alone
                        }
                        result.add(new AtRiskRow(clientId, rows.getString(2), rows.getString(3),
                                status(rows.getString(4)), nullableDouble(rows, 5), instant(rows, 6), instant(rows, 7),
                                rows.getInt(8), rows.getBoolean(9)));
                    }
                }
            }
        }
        return new AtRiskRows(result, staleClients);
    }

    /** Binds {@link ScoreStore#staleCondition}'s two parameters from {@code first}; returns the index after them. */
    private static int setStaleParameters(PreparedStatement statement, int first, Instant now) throws SQLException {
        statement.setInt(first, ClientScores.scoringVersion());
        statement.setObject(first + 1, now.atOffset(ZoneOffset.UTC));
        return first + 2;
    }

    /**
     * Makes the report's plan independent of table statistics, which are stale exactly when a
     * clinic has just been loaded: every client is found through the clinic's index and each of
     * its rows (score, weeks) by primary key in a lateral lookup (limit 1 keeps PostgreSQL from
     * turning it back into a join it would plan by the statistics). Without sequential scans the
     * planner has no cheaper-looking path that reads the clinic once per client. For the
     * transaction only.
     */
    private static void readByIndexOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local enable_seqscan = off");
        }
    }

    private StatusResponse status(String stored) {
        try {
            // Leniently: a kept status written before a field was removed must still read.
            return json.readerFor(StatusResponse.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a kept status could not be read", corrupt);
        }
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static Integer nullableInteger(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static LocalDate localDate(ResultSet rows, int column) throws SQLException {
        Date value = rows.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
