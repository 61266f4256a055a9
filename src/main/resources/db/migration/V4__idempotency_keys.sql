-- Idempotency-Key records (IETF httpapi draft "The Idempotency-Key HTTP Header Field").
-- One row per key a caller sent with a POST, scoped to the caller's clinic and token subject,
-- so the same key string of another clinic or another subject is another row.
--
-- A request first claims its key: an INSERT ... ON CONFLICT in its own short transaction, so
-- a duplicate arriving at any instance sees the row 'in_progress' and is answered 409 at
-- once. When the request has been answered its response is stored ('completed') and retries
-- with the same fingerprint get it replayed. Rows live until expires_at (created_at plus the
-- retention, 48 hours by default); a scheduled cleanup deletes them after that, and an
-- expired key can be claimed again.
create table idempotency_key (
    clinic_id        uuid          not null,
    subject          text          not null,
    idempotency_key  varchar(255)  not null,
    -- The request the key was first used for: method, path and SHA-256 of the body bytes.
    request_method   varchar(10)   not null,
    request_path     text          not null,
    request_sha256   bytea         not null,
    state            varchar(11)   not null,
    -- The stored response, set when the state becomes 'completed'.
    response_status  integer,
    response_body    bytea,
    content_type     varchar(255),
    location         text,
    etag             varchar(255),
    -- When this claim was made; an 'in_progress' row older than the lease counts as abandoned.
    created_at       timestamptz   not null,
    expires_at       timestamptz   not null,
    primary key (clinic_id, subject, idempotency_key),
    constraint idempotency_key_state check (state in ('in_progress', 'completed')),
    constraint idempotency_key_completed check (state = 'in_progress' or response_status is not null)
);

-- The cleanup deletes by expiry across all clinics.
create index idempotency_key_by_expiry on idempotency_key (expires_at);
