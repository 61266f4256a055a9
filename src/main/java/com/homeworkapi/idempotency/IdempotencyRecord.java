package com.homeworkapi.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One Idempotency-Key of one caller (clinic, token subject and authority: the token's roles
 * and, for a client, its client), the request it was first used for and, once answered, the
 * response that retries get back. Written only by the native
 * statements of {@link IdempotencyRecordRepository}; read as an entity.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Id
    public String subject;

    /** What the token may see besides its clinic: see {@code Caller.authority()}. */
    @Id
    public String authority;

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_method", nullable = false)
    public String requestMethod;

    @Column(name = "request_path", nullable = false)
    public String requestPath;

    @Column(name = "request_sha256", nullable = false)
    public byte[] requestSha256;

    @Column(nullable = false)
    public String state;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_body")
    public byte[] responseBody;

    @Column(name = "content_type")
    public String contentType;

    public String location;

    public String etag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /**
     * The primary key: a key string means something only together with whose it is, and a
     * stored answer goes only to a token allowed exactly what the one that made it was.
     */
    public record Key(UUID clinicId, String subject, String authority, String key) implements Serializable {
    }

    boolean completed() {
        return COMPLETED.equals(state);
    }
}
