package com.homeworkapi.score;

import com.homeworkapi.clinic.ClinicSettingsService;
import com.homeworkapi.scoring.AssignmentRecord;
import com.homeworkapi.scoring.AttemptRecord;
import com.homeworkapi.scoring.ClientRecord;
import com.homeworkapi.scoring.ClinicianReview;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.QualityRater;
import com.homeworkapi.scoring.RevisionRecord;
import com.homeworkapi.scoring.ScheduleRule;
import com.homeworkapi.scoring.SymptomScore;
import com.homeworkapi.scoring.TimeZoneHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Reads what scoring needs about many clients of one clinic straight from the tables, a few
 * statements for any number of clients, as scoring's own records. The score engine reads the
 * record features' tables itself rather than through their services, so those features (and
 * the goals that show scores) can sit above it without a cycle.
 */
@ApplicationScoped
public class ScoreInputs {

    /** pgjdbc's prepare threshold meaning: prepare on the server at once and read every column in binary. */
    private static final int FORCE_BINARY = -1;

    @Inject
    EntityManager entityManager;

    @Inject
    ClinicSettingsService settings;

    /**
     * @param zones the current time zone of each client to load, by client id; it stands for the
     *              history only of a client whose history has no entry (none is ever left so)
     */
    public Map<UUID, ClientRecord> load(UUID clinicId, Map<UUID, String> zones) {
        return load(clinicId, zones, null);
    }

    /** One client's record and, from the same attempt rows, its skipped and partial attempts with their obstacles. */
    public record OneClient(ClientRecord record, List<UnfinishedAttempt> unfinished) {
    }

    /** As {@link #load} for one client, for the views that also summarise what got in the way. */
    public OneClient loadOne(UUID clinicId, UUID clientId, String zone) {
        List<UnfinishedAttempt> unfinished = new ArrayList<>();
        ClientRecord record = load(clinicId, Map.of(clientId, zone), unfinished).get(clientId);
        return new OneClient(record, unfinished);
    }

    /** @param unfinished null, or where to add the skipped and partial attempts of the one client asked for */
    private Map<UUID, ClientRecord> load(UUID clinicId, Map<UUID, String> zones, List<UnfinishedAttempt> unfinished) {
        Map<UUID, TimeZoneHistory> histories = timeZonesOf(clinicId, zones.keySet());
        Map<UUID, List<AssignmentRecord>> assignments = assignmentsOf(clinicId, zones.keySet());
        Map<UUID, List<AttemptRecord>> attempts = attemptsOf(clinicId, zones.keySet(), null, null, unfinished);
        Map<UUID, List<SymptomScore>> measurements = measurementsOf(clinicId, zones.keySet());
        Map<UUID, List<ClinicianReview>> reviews = reviewsOf(clinicId, zones.keySet());
        List<Instrument> clinicInstruments = settings.clinicInstruments(clinicId);
        Map<UUID, ClientRecord> records = new HashMap<>();
        zones.forEach((clientId, zone) -> records.put(clientId, new ClientRecord(
                histories.getOrDefault(clientId, TimeZoneHistory.of(ZoneId.of(zone))),
                assignments.getOrDefault(clientId, List.of()),
                attempts.getOrDefault(clientId, List.of()),
                reviews.getOrDefault(clientId, List.of()),
                measurements.getOrDefault(clientId, List.of()), clinicInstruments)));
        return records;
    }

    /** The time zone history of each of these clients, in the order the zones were set. */
    Map<UUID, TimeZoneHistory> timeZonesOf(UUID clinicId, Collection<UUID> clientIds) {
        String sql = """
                select client_id, time_zone, effective_from, changed_at
                from client_time_zone
                where clinic_id = ? and client_id = any(?)
                order by client_id, client_version
                """;
        Map<UUID, List<TimeZoneHistory.Change>> byClient = new HashMap<>();
        query(sql, rows -> byClient.computeIfAbsent(rows.getObject(1, UUID.class), client -> new ArrayList<>())
                .add(new TimeZoneHistory.Change(ZoneId.of(rows.getString(2)), localDate(rows, 3),
                        rows.getObject(4, OffsetDateTime.class).toInstant())), clinicId, clientIds);
        Map<UUID, TimeZoneHistory> histories = new HashMap<>();
        byClient.forEach((clientId, changes) -> histories.put(clientId, TimeZoneHistory.of(changes)));
        return histories;
    }

    /** One client's assignments, each with its whole revision history. */
    public List<AssignmentRecord> assignmentsOf(UUID clinicId, UUID clientId) {
        return assignmentsOf(clinicId, List.of(clientId)).getOrDefault(clientId, List.of());
    }

    /** One client's attempts that occurred in [from, to). */
    public List<AttemptRecord> attemptsBetween(UUID clinicId, UUID clientId, Instant from, Instant to) {
        return attemptsOf(clinicId, List.of(clientId), from, to, null).getOrDefault(clientId, List.of());
    }

    /**
     * Every assignment of these clients with its revisions in number order, so that of two
     * revisions on one date the later one wins in scoring.
     */
    Map<UUID, List<AssignmentRecord>> assignmentsOf(UUID clinicId, Collection<UUID> clientIds) {
        String sql = """
                select a.client_id, a.id, a.difficulty, a.kind, r.effective_date, r.status, r.schedule_type,
                       r.times_per_week, r.days_of_week, r.due_date, r.start_date, r.end_date
                from assignment a
                join assignment_revision r on r.clinic_id = a.clinic_id and r.assignment_id = a.id
                where a.clinic_id = ? and a.client_id = any(?)
                order by a.client_id, a.id, r.revision
                """;
        Map<UUID, Map<UUID, AssignmentRows>> byClient = new HashMap<>();
        query(sql, rows -> {
            UUID assignmentId = rows.getObject(2, UUID.class);
            Integer difficulty = integer(rows, 3);
            String kind = rows.getString(4).toLowerCase(Locale.ROOT);
            AssignmentRows assignment = byClient.computeIfAbsent(rows.getObject(1, UUID.class),
                    client -> new LinkedHashMap<>()).computeIfAbsent(assignmentId,
                    id -> new AssignmentRows(id, difficulty, kind));
            assignment.revisions.add(new RevisionRecord(localDate(rows, 5),
                    RevisionRecord.Status.valueOf(rows.getString(6)),
                    new ScheduleRule(ScheduleRule.Type.valueOf(rows.getString(7)),
                            rows.getInt(8), days(rows.getString(9)), localDate(rows, 10), localDate(rows, 11),
                            localDate(rows, 12))));
        }, clinicId, clientIds);
        Map<UUID, List<AssignmentRecord>> records = new HashMap<>();
        byClient.forEach((clientId, assignments) -> records.put(clientId, assignments.values().stream()
                .map(rows -> new AssignmentRecord(rows.id, rows.revisions, rows.difficulty, rows.kind))
                .toList()));
        return records;
    }

    private record AssignmentRows(UUID id, Integer difficulty, String kind, List<RevisionRecord> revisions) {

        AssignmentRows(UUID id, Integer difficulty, String kind) {
            this(id, difficulty, kind, new ArrayList<>());
        }
    }

    /**
     * The attempts of these clients, in [from, to) when the bounds are given.
     *
     * @param unfinished null, or where to add the skipped and partial attempts with their
     *                   obstacles; only then is the obstacles column read, so a bulk read of
     *                   millions of rows carries nothing scoring does not use
     */
    Map<UUID, List<AttemptRecord>> attemptsOf(UUID clinicId, Collection<UUID> clientIds, Instant from, Instant to,
            List<UnfinishedAttempt> unfinished) {
        String sql = """
                select client_id, assignment_id, occurred_at, outcome, completion, quality_rating, quality_rater,
                       suds_before, suds_peak, suds_after%s
                from attempt
                where clinic_id = ? and client_id = any(?)
                """.formatted(unfinished == null ? "" : ", case when outcome <> 'COMPLETED' then obstacles end");
        Object[] parameters = {clinicId, clientIds};
        if (from != null) {
            sql += " and occurred_at >= ? and occurred_at < ?";
            parameters = new Object[] {clinicId, clientIds, from, to};
        }
        Map<UUID, List<AttemptRecord>> byClient = new HashMap<>();
        query(sql, rows -> {
            String rater = rows.getString(7);
            AttemptRecord attempt = new AttemptRecord(rows.getObject(2, UUID.class),
                    rows.getObject(3, OffsetDateTime.class).toInstant(),
                    AttemptRecord.Outcome.valueOf(rows.getString(4)), nullableDouble(rows, 5),
                    integer(rows, 6), rater == null ? null : QualityRater.valueOf(rater), integer(rows, 8),
                    integer(rows, 9), integer(rows, 10));
            byClient.computeIfAbsent(rows.getObject(1, UUID.class), client -> new ArrayList<>()).add(attempt);
            if (unfinished != null && attempt.outcome() != AttemptRecord.Outcome.COMPLETED) {
                unfinished.add(new UnfinishedAttempt(attempt.assignmentId(), attempt.occurredAt(),
                        attempt.outcome() == AttemptRecord.Outcome.SKIPPED, rows.getString(11)));
            }
        }, parameters);
        return byClient;
    }

    /** Measurements oldest first; of two on one date, the one recorded first comes first. */
    Map<UUID, List<SymptomScore>> measurementsOf(UUID clinicId, Collection<UUID> clientIds) {
        String sql = """
                select client_id, instrument, score, measured_on
                from measurement
                where clinic_id = ? and client_id = any(?)
                order by client_id, measured_on, recorded_at, id
                """;
        Map<UUID, List<SymptomScore>> byClient = new HashMap<>();
        query(sql, rows -> byClient
                .computeIfAbsent(rows.getObject(1, UUID.class), client -> new ArrayList<>())
                .add(new SymptomScore(rows.getString(2), rows.getDouble(3), localDate(rows, 4))), clinicId, clientIds);
        return byClient;
    }

    /** One {@link ClinicianReview} per rated assignment, by week, in the order the reviews were written. */
    Map<UUID, List<ClinicianReview>> reviewsOf(UUID clinicId, Collection<UUID> clientIds) {
        String sql = """
                select r.client_id, r.week_start, i.assignment_id, i.quality
                from review r
                join review_item i on i.clinic_id = r.clinic_id and i.review_id = r.id
                where r.clinic_id = ? and r.client_id = any(?)
                order by r.client_id, r.week_start, r.created_at, r.id, i.position
                """;
        Map<UUID, List<ClinicianReview>> byClient = new HashMap<>();
        query(sql, rows -> byClient
                .computeIfAbsent(rows.getObject(1, UUID.class), client -> new ArrayList<>())
                .add(new ClinicianReview(localDate(rows, 2), rows.getObject(3, UUID.class), rows.getInt(4))),
                clinicId, clientIds);
        return byClient;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs one of the reads above on the transaction's connection, so it sees what the
     * transaction sees. A collection of ids binds as one array, or, for one client's
     * {@code client_id = any(?)}, as that client's id alone.
     */
    private void query(String sql, RowReader reader, Object... parameters) {
        int clients = clientsIn(parameters);
        // PostgreSQL never settles on a generic plan for "= any($2)": its estimate for an array of
        // unknown length loses to every custom plan, so one client's reads were planned again on
        // every request (0.1 to 0.2 ms of a compliance GET each; docs/performance.md).
        boolean oneClientScalar = clients == 1 && sql.contains(ANY_CLIENT);
        String statementText = oneClientScalar ? sql.replace(ANY_CLIENT, ONE_CLIENT) : sql;
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(statementText)) {
                if (clients > 1) {
                    // Binary rows from the first execution: uuids and timestamps arrive as bytes, not
                    // as text the server formats and the driver parses again (most of a bulk read's
                    // cost). Forcing it costs a round trip of its own on most executions (the driver
                    // describes the statement again, sending a Sync alone), which one client's few
                    // rows do not repay; their statements turn binary once the driver prepares them.
                    statement.unwrap(PGStatement.class).setPrepareThreshold(FORCE_BINARY);
                }
                for (int index = 0; index < parameters.length; index++) {
                    statement.setObject(index + 1, bindable(connection, parameters[index], oneClientScalar));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        });
    }

    private static final String ANY_CLIENT = "client_id = any(?)";
    private static final String ONE_CLIENT = "client_id = ?";

    /** The number of client ids the read is for, or 0 when it takes no collection. */
    private static int clientsIn(Object[] parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof Collection<?> ids) {
                return ids.size();
            }
        }
        return 0;
    }

    private static Object bindable(Connection connection, Object parameter, boolean oneClientScalar)
            throws SQLException {
        if (parameter instanceof Collection<?> ids) {
            return oneClientScalar ? ids.iterator().next() : connection.createArrayOf("uuid", ids.toArray());
        }
        if (parameter instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return parameter;
    }

    /** Days of the week as the assignment tables keep them, "MON,THU". */
    private static Set<DayOfWeek> days(String column) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (column != null && !column.isEmpty()) {
            for (String day : column.split(",")) {
                days.add(DAYS.get(day));
            }
        }
        return days;
    }

    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT",
            DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static LocalDate localDate(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }
}
