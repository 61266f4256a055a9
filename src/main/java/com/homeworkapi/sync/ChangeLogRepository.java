package com.homeworkapi.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reads the change log that the V5 and V6 triggers write. Every query takes the clinic, and those
 * of one client's feed the client too.
 *
 * <p>Why no change is ever missed: each query delivers only rows whose {@code txid} is below
 * {@code pg_snapshot_xmin(pg_current_snapshot())}, the oldest transaction still running when the
 * query's own snapshot was taken, and it delivers them in {@code (txid, seq)} order. Every
 * transaction below that xmin has committed (so its rows are visible to the query) or rolled back
 * (so it has none); any transaction still running, or yet to start, has a txid at or above it. A
 * row that becomes visible later therefore always sorts after every row delivered now, and a
 * cursor at the last delivered {@code (txid, seq)} cannot pass over it. A change numbered 11 whose
 * transaction commits after change 12's is simply held back, with 12, until it has committed.
 * The price is latency: one long transaction anywhere in the database delays the feed (not
 * other writes) until it ends.
 */
@ApplicationScoped
public class ChangeLogRepository {

    /** One row of the log; {@code txid} is the xid8 of the writing transaction. */
    public record Change(long txid, long seq, UUID clientId, String entityType, UUID entityId, Instant changedAt) {
    }

    @Inject
    EntityManager entityManager;

    /** Up to {@code limit} settled changes of the client after the position, in (txid, seq) order. */
    public List<Change> settledAfter(UUID clinicId, UUID clientId, long txid, long seq, int limit) {
        return changes(entityManager.createNativeQuery("""
                select cast(c.txid as text), c.seq, c.client_id, c.entity_type, c.entity_id, c.changed_at
                from change_log c
                where c.clinic_id = :clinic and c.client_id = :client
                  and (c.txid, c.seq) > (cast(:txid as xid8), :seq)
                  and c.txid < pg_snapshot_xmin(pg_current_snapshot())
                order by c.txid, c.seq
                limit :limit
                """)
                .setParameter("client", clientId), clinicId, txid, seq, limit);
    }

    /**
     * Up to {@code limit} settled changes of every client of the clinic after the position, in
     * (txid, seq) order: the clinic-wide feed, bounded by the same xmin as one client's feed
     * (V16's index {@code change_log_by_clinic} serves it).
     */
    public List<Change> settledInClinicAfter(UUID clinicId, long txid, long seq, int limit) {
        return changes(entityManager.createNativeQuery("""
                select cast(c.txid as text), c.seq, c.client_id, c.entity_type, c.entity_id, c.changed_at
                from change_log c
                where c.clinic_id = :clinic
                  and (c.txid, c.seq) > (cast(:txid as xid8), :seq)
                  and c.txid < pg_snapshot_xmin(pg_current_snapshot())
                order by c.txid, c.seq
                limit :limit
                """), clinicId, txid, seq, limit);
    }

    private static List<Change> changes(Query query, UUID clinicId, long txid, long seq, int limit) {
        List<?> rows = query
                .setParameter("clinic", clinicId)
                .setParameter("txid", Long.toUnsignedString(txid))
                .setParameter("seq", seq)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Change(Long.parseUnsignedLong((String) row[0]), ((Number) row[1]).longValue(),
                        (UUID) row[2], (String) row[3], (UUID) row[4], toInstant(row[5])))
                .toList();
    }

    /**
     * The xmin of the current snapshot: every transaction below it has ended. A snapshot taken
     * after this call sees all of their rows; anything it may miss has a txid at or above it.
     */
    public long horizon() {
        Object xmin = entityManager.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .getSingleResult();
        return Long.parseUnsignedLong((String) xmin);
    }

    /** Whether a settled change of the client exists at or after the horizon. */
    public boolean hasSettledSince(UUID clinicId, UUID clientId, long horizon) {
        return !settledAfter(clinicId, clientId, horizon, 0, 1).isEmpty();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
