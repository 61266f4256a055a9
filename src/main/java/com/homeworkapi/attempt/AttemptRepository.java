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

    /**
     * One statement for any number of rows: each column travels as one array and is unnested
     * back into rows. The text never changes, so every connection prepares it once, and a
     * batch of 500 binds 16 parameters, not 8,000.
     */
    private static final String INSERT_ALL = """
            insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at, outcome,
                completion, duration_minutes, suds_before, suds_peak, suds_after, quality_rating, quality_rater,
                obstacles, note)
            select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[],
                ?::text[], ?::float8[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::text[], ?::text[],
                ?::text[])
            on conflict (clinic_id, id) do nothing
            returning id
            """;

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
                for (Function<Attempt, Object> column : COLUMNS) {
                    Object[] values = rows.stream().map(column).toArray();
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

    /** The columns of {@link #INSERT_ALL} in order, each as its value of an attempt. */
    private static final List<Function<Attempt, Object>> COLUMNS = List.of(
            attempt -> attempt.id,
            attempt -> attempt.clinicId,
            attempt -> attempt.clientId,
            attempt -> attempt.assignmentId,
            attempt -> attempt.occurredAt,
            attempt -> attempt.receivedAt,
            attempt -> attempt.outcome.name(),
            attempt -> attempt.completion,
            attempt -> attempt.durationMinutes,
            attempt -> attempt.sudsBefore,
            attempt -> attempt.sudsPeak,
            attempt -> attempt.sudsAfter,
            attempt -> attempt.qualityRating,
            attempt -> attempt.qualityRater == null ? null : attempt.qualityRater.name(),
            attempt -> OBSTACLES.convertToDatabaseColumn(attempt.obstacles),
            attempt -> attempt.note);

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

    public List<Attempt> listByIds(UUID clinicId, UUID clientId, Collection<UUID> ids) {
        return list("clinicId = :clinic and clientId = :client and id in :ids",
                Parameters.with("clinic", clinicId).and("client", clientId).and("ids", ids));
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

    /** The client's attempts that occurred in [from, to); either bound may be open. */
    public List<Attempt> listForClient(UUID clinicId, UUID clientId, Instant from, Instant to, PageRequest page) {
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
        query.append(page.keysetCondition("occurredAt")).append(" order by occurredAt, id");
        return find(query.toString(), page.bind(parameters)).range(0, page.limit()).list();
    }
}
