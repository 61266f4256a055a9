package com.homeworkapi.attempt;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<Attempt, UUID> {

    private static final ObstaclesConverter OBSTACLES = new ObstaclesConverter();

    /**
     * Stores the attempt unless its id is taken in its clinic. Done in SQL so that two copies of
     * one attempt racing in from a retrying phone cannot both pass a check and then collide. Ids
     * are unique per clinic, so an id used in another clinic reveals nothing.
     *
     * @return whether this call stored it
     */
    public boolean insertIfAbsent(Attempt attempt) {
        // The batch path's plain JDBC statement: no query object is built per request.
        return !insertAllIfAbsent(List.of(attempt)).isEmpty();
    }

    /** One column of {@link #INSERT_ALL}: its name, the SQL type of its array and its value of an attempt. */
    private record Column(String name, String arrayType, Function<Attempt, Object> value) {
    }

    /** Every column an insert writes, in order: the statement and its bound arrays are both made from this. */
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "uuid[]", attempt -> attempt.id),
            new Column("clinic_id", "uuid[]", attempt -> attempt.clinicId),
            new Column("client_id", "uuid[]", attempt -> attempt.clientId),
            new Column("assignment_id", "uuid[]", attempt -> attempt.assignmentId),
            new Column("occurred_at", "timestamptz[]", attempt -> attempt.occurredAt),
            new Column("received_at", "timestamptz[]", attempt -> attempt.receivedAt),
            new Column("outcome", "text[]", attempt -> attempt.outcome.name()),
            new Column("completion", "float8[]", attempt -> attempt.completion),
            new Column("duration_minutes", "int4[]", attempt -> attempt.durationMinutes),
            new Column("suds_before", "int4[]", attempt -> attempt.sudsBefore),
            new Column("suds_peak", "int4[]", attempt -> attempt.sudsPeak),
            new Column("suds_after", "int4[]", attempt -> attempt.sudsAfter),
            new Column("quality_rating", "int4[]", attempt -> attempt.qualityRating),
            new Column("quality_rater", "text[]",
                    attempt -> attempt.qualityRater == null ? null : attempt.qualityRater.name()),
            new Column("obstacles", "text[]", attempt -> OBSTACLES.convertToDatabaseColumn(attempt.obstacles)),
            new Column("note", "text[]", attempt -> attempt.note));

    /**
     * One statement for any number of rows: each column travels as one array and is unnested
     * back into rows. The text never changes, so every connection prepares it once, and a
     * batch of 500 binds one parameter per column, not one per value.
     */
    private static final String INSERT_ALL = "insert into attempt ("
            + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") select * from unnest("
            + COLUMNS.stream().map(column -> "?::" + column.arrayType()).collect(Collectors.joining(", "))
            + ") on conflict (clinic_id, id) do nothing returning id";

    /**
     * Stores those of the attempts whose ids are not taken, in one statement, as
     * {@link #insertIfAbsent} does for one. Rows go in id order, so two batches that share
     * attempts lock them in the same order and cannot deadlock. That relies on PostgreSQL
     * inserting unnest's rows in array order, which it does, though SQL does not promise it.
     *
     * @param batch attempts with distinct ids
     * @return the ids this call stored
     */
    public Set<UUID> insertAllIfAbsent(Collection<Attempt> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        List<Attempt> rows = batch.stream().sorted(Comparator.comparing(attempt -> attempt.id)).toList();
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                int parameter = 0;
                for (Column column : COLUMNS) {
                    Object[] values = rows.stream().map(column.value()).toArray();
                    // Sent as text and cast by the statement, so every column binds alike.
                    insert.setArray(++parameter, connection.createArrayOf("text", toText(values)));
                }
                Set<UUID> stored = new HashSet<>();
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        stored.add(ids.getObject(1, UUID.class));
                    }
                }
                return stored;
            }
        });
    }

    /** Every value in PostgreSQL's input syntax for its column (instants in ISO 8601, UTC). */
    private static String[] toText(Object[] values) {
        String[] text = new String[values.length];
        for (int index = 0; index < values.length; index++) {
            text[index] = values[index] == null ? null : values[index].toString();
        }
        return text;
    }

    /** The client's attempts after {@code afterId} (all when null) in id order: one page of a change feed snapshot. */
    public List<Attempt> listForSync(UUID clinicId, UUID clientId, UUID afterId, int limit) {
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (afterId != null) {
            parameters.and("after", afterId);
        }
        return find("clinicId = :clinic and clientId = :client" + (afterId == null ? "" : " and id > :after")
                + " order by id", parameters).range(0, limit - 1).list();
    }

    public Optional<Attempt> findInClinic(UUID clinicId, UUID attemptId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", attemptId))
                .firstResultOptional();
    }

    public List<Attempt> findAllInClinic(UUID clinicId, Collection<UUID> attemptIds) {
        if (attemptIds.isEmpty()) {
            return List.of();
        }
        return list("clinicId = :clinic and id in :ids", Parameters.with("clinic", clinicId).and("ids", attemptIds));
    }

    public List<Attempt> listForAssignment(UUID clinicId, UUID assignmentId, PageRequest page) {
        String query = "clinicId = :clinic and assignmentId = :assignment" + page.keysetCondition("occurredAt")
                + " order by occurredAt, id";
        return find(query, page.bind(Parameters.with("clinic", clinicId).and("assignment", assignmentId)))
                .range(0, page.limit()).list();
    }

    /**
     * The client's attempts that occurred in [from, to) and were received in [receivedFrom,
     * receivedBefore); any bound may be open.
     */
    public List<Attempt> listForClient(UUID clinicId, UUID clientId, Instant from, Instant to, Instant receivedFrom,
            Instant receivedBefore, PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (from != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", to);
        }
        if (receivedFrom != null) {
            query.append(" and receivedAt >= :receivedFrom");
            parameters.and("receivedFrom", receivedFrom);
        }
        if (receivedBefore != null) {
            query.append(" and receivedAt < :receivedBefore");
            parameters.and("receivedBefore", receivedBefore);
        }
        query.append(page.keysetCondition("occurredAt")).append(" order by occurredAt, id");
        return find(query.toString(), page.bind(parameters)).range(0, page.limit()).list();
    }

    /**
     * The client's skipped and partial attempts that occurred in [from, to), of one assignment
     * when {@code assignmentId} is given: what got in the way, oldest first.
     */
    public List<Attempt> listUnfinished(UUID clinicId, UUID clientId, UUID assignmentId, Instant from, Instant to) {
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId).and("from", from)
                .and("to", to).and("outcomes", List.of(AttemptOutcome.SKIPPED, AttemptOutcome.PARTIAL));
        String query = "clinicId = :clinic and clientId = :client and occurredAt >= :from and occurredAt < :to"
                + " and outcome in :outcomes";
        if (assignmentId != null) {
            query += " and assignmentId = :assignment";
            parameters.and("assignment", assignmentId);
        }
        return list(query + " order by occurredAt, id", parameters);
    }
}
