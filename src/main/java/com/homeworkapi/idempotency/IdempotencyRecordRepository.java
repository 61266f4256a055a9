package com.homeworkapi.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims, completes and releases keys with single SQL statements, so that two instances
 * racing for one key are decided by PostgreSQL's unique index and never by a check followed
 * by a write.
 */
@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Takes the key for this request unless someone holds it: inserts a row 'in_progress', or
     * takes over a row that has expired or whose request was abandoned (in progress since
     * before {@code abandonedBefore}, its instance gone).
     *
     * @return whether this call holds the key now
     */
    public boolean claim(IdempotencyRecord.Key key, Fingerprint fingerprint, Instant now, Instant expiresAt,
            Instant abandonedBefore) {
        int claimed = getEntityManager().createNativeQuery("""
                insert into idempotency_key as held (clinic_id, subject, authority, idempotency_key,
                    request_method, request_path, request_sha256, state, created_at, expires_at)
                values (:clinic, :subject, :authority, :key, :method, :path, :sha256, 'in_progress', :now,
                    :expiresAt)
                on conflict (clinic_id, subject, authority, idempotency_key) do update
                    set request_method = excluded.request_method, request_path = excluded.request_path,
                        request_sha256 = excluded.request_sha256, state = 'in_progress', response_status = null,
                        response_body = null, content_type = null, location = null, etag = null,
                        created_at = excluded.created_at, expires_at = excluded.expires_at
                    where held.expires_at <= :now
                        or (held.state = 'in_progress' and held.created_at <= :abandonedBefore)
                """)
                .setParameter("clinic", key.clinicId())
                .setParameter("subject", key.subject())
                .setParameter("authority", key.authority())
                .setParameter("key", key.key())
                .setParameter("method", fingerprint.method())
                .setParameter("path", fingerprint.path())
                .setParameter("sha256", fingerprint.bodySha256())
                .setParameter("now", now)
                .setParameter("expiresAt", expiresAt)
                .setParameter("abandonedBefore", abandonedBefore)
                .executeUpdate();
        return claimed == 1;
    }

    public Optional<IdempotencyRecord> find(IdempotencyRecord.Key key) {
        return findByIdOptional(key);
    }

    /**
     * Stores the response of a claimed request. The claim's time guards against writing over a
     * later claim that took the key over after this one was thought abandoned.
     */
    public boolean complete(Claim claim, StoredResponse response) {
        return getEntityManager().createNativeQuery("""
                update idempotency_key
                set state = 'completed', response_status = :status, response_body = :body,
                    content_type = :contentType, location = :location, etag = :etag
                where clinic_id = :clinic and subject = :subject and authority = :authority and idempotency_key = :key
                    and state = 'in_progress' and created_at = :claimedAt
                """)
                .setParameter("status", response.status())
                .setParameter("body", response.body())
                .setParameter("contentType", response.contentType())
                .setParameter("location", response.location())
                .setParameter("etag", response.etag())
                .setParameter("clinic", claim.key().clinicId())
                .setParameter("subject", claim.key().subject())
                .setParameter("authority", claim.key().authority())
                .setParameter("key", claim.key().key())
                .setParameter("claimedAt", claim.claimedAt())
                .executeUpdate() == 1;
    }

    /** Gives the key back, so that a retry runs the request again. */
    public void release(Claim claim) {
        getEntityManager().createNativeQuery("""
                delete from idempotency_key
                where clinic_id = :clinic and subject = :subject and authority = :authority and idempotency_key = :key
                    and state = 'in_progress' and created_at = :claimedAt
                """)
                .setParameter("clinic", claim.key().clinicId())
                .setParameter("subject", claim.key().subject())
                .setParameter("authority", claim.key().authority())
                .setParameter("key", claim.key().key())
                .setParameter("claimedAt", claim.claimedAt())
                .executeUpdate();
    }

    /** Deletes up to {@code limit} of the clinic's expired rows; small batches keep each transaction short. */
    public int deleteExpired(UUID clinicId, Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                delete from idempotency_key
                where ctid = any (array(select ctid from idempotency_key where clinic_id = :clinic and expires_at <= :now
                                        limit :limit))
                """)
                .setParameter("clinic", clinicId)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
