package com.homeworkapi.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatchers' side of the outbox, in plain JDBC: the claims and results of every instance
 * meet here, in PostgreSQL. Each call is a short transaction scoped to one clinic
 * ({@code app.clinic_id}, as requests are), so row-level security holds background work to one
 * clinic at a time too.
 */
@ApplicationScoped
class WebhookOutbox {

    /** A message claimed for delivery, with what its delivery needs. */
    record Claimed(UUID clinicId, UUID messageId, UUID endpointId, UUID leaseToken, int attemptCount,
            String url, List<String> secrets, UUID eventId, String type, Instant occurredAt, UUID clientId,
            long sequence, String data) {
    }

    /**
     * How a delivery attempt went, to be recorded; {@code answeredAt} is its end on
     * {@link System#nanoTime()}, so a record written later still dates it right.
     */
    record Result(Integer statusCode, long latencyMillis, String responseBody, String error, boolean delivered,
            boolean retryable, Duration retryDelay, long answeredAt) {

        long answeredAgoMillis() {
            return Math.max(0, (System.nanoTime() - answeredAt) / 1_000_000);
        }
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    /** The clinics that have or had an endpoint (V17's registry, ids only). */
    List<UUID> clinics() throws SQLException {
        List<UUID> clinics = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select clinic_id from webhook_clinic");
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                clinics.add(row.getObject(1, UUID.class));
            }
        }
        return clinics;
    }

    /**
     * Claims up to {@code limit} due messages of the clinic's enabled endpoints, most urgent first,
     * for {@code leaseFor}: rows another dispatcher is claiming right now are skipped (SKIP LOCKED),
     * and a claim whose lease ran out (its dispatcher died) is due again.
     */
    List<Claimed> claim(UUID clinicId, int limit, Duration leaseFor) throws SQLException {
        UUID token = UUID.randomUUID();
        return inClinic(clinicId, connection -> {
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement due = connection.prepareStatement("""
                    select c.id, c.endpoint_id, c.attempt_count, c.event_id, c.event_type, c.created_at, c.client_id,
                           c.client_sequence, c.data::text, e.url, e.secret,
                           case when e.previous_secret_until > now() then e.previous_secret end
                    from webhook_message c
                    join webhook_endpoint e on e.clinic_id = c.clinic_id and e.id = c.endpoint_id
                    where c.clinic_id = ? and c.status = 'pending' and c.next_attempt_at <= now()
                      and (c.lease_until is null or c.lease_until <= now()) and e.enabled
                    order by c.priority desc, c.next_attempt_at
                    limit ?
                    for update of c skip locked
                    """)) {
                due.setObject(1, clinicId);
                due.setInt(2, limit);
                try (ResultSet row = due.executeQuery()) {
                    while (row.next()) {
                        List<String> secrets = row.getString(12) == null ? List.of(row.getString(11))
                                : List.of(row.getString(11), row.getString(12));
                        claimed.add(new Claimed(clinicId, row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                                token, row.getInt(3), row.getString(10), secrets, row.getObject(4, UUID.class),
                                row.getString(5), row.getTimestamp(6).toInstant(), row.getObject(7, UUID.class),
                                row.getLong(8), row.getString(9)));
                    }
                }
            }
            // A statement per row, sent together: by primary key whatever the table's statistics.
            // As one statement over the ids, on statistics of an outbox that had just grown or was
            // never analyzed, the plan read every message of the clinic for a few rows.
            try (PreparedStatement lease = connection.prepareStatement("""
                    update webhook_message set lease_until = now() + ? * interval '1 millisecond', lease_token = ?
                    where clinic_id = ? and id = ?
                    """)) {
                for (Claimed message : claimed) {
                    lease.setLong(1, leaseFor.toMillis());
                    lease.setObject(2, token);
                    lease.setObject(3, clinicId);
                    lease.setObject(4, message.messageId());
                    lease.addBatch();
                }
                lease.executeBatch();
            }
            return claimed; // the most urgent first, as selected
        });
    }

    /** A delivery attempt's result, with the message it was for. */
    record Attempted(Claimed message, Result result) {
    }

    /**
     * Records attempts of one clinic's messages in one transaction, and moves each message on:
     * delivered, due again after its delay, or failed (not retryable, or tried for {@code retryFor}
     * already). A failure marks the endpoint failing from now, a success clears that, and an
     * endpoint failing for {@code disableAfter} is disabled. A dispatcher whose lease was taken
     * over still records its attempt but leaves the message to the new holder.
     */
    void record(UUID clinicId, List<Attempted> attempts, Duration retryFor, Duration disableAfter)
            throws SQLException {
        inClinic(clinicId, connection -> {
            List<Attempted> delivered = attempts.stream().filter(a -> a.result().delivered()).toList();
            // Deliveries, the common case, first: a statement each, all sent at once.
            if (!delivered.isEmpty()) {
                markDelivered(connection, clinicId, delivered);
                try (PreparedStatement healthy = connection.prepareStatement("""
                        update webhook_endpoint set failing_since = null
                        where clinic_id = ? and id = any (?) and failing_since is not null
                        """)) {
                    healthy.setObject(1, clinicId);
                    healthy.setArray(2, connection.createArrayOf("uuid",
                            delivered.stream().map(a -> a.message().endpointId()).distinct().toArray()));
                    healthy.executeUpdate();
                }
            }
            List<String> outcomes = new ArrayList<>(attempts.size());
            for (Attempted attempt : attempts) {
                outcomes.add(attempt.result().delivered() ? "delivered"
                        : recordFailure(connection, attempt, retryFor, disableAfter));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into webhook_attempt (clinic_id, id, message_id, attempted_at, status_code, latency_ms,
                        response_body, error, outcome)
                    select ?, gen_random_uuid(), a.message_id,
                           clock_timestamp() - (a.answered_ago + a.latency_ms) * interval '1 millisecond',
                           a.status_code, a.latency_ms, a.response_body, a.error, a.outcome
                    from unnest(?, ?, ?, ?, ?, ?, ?)
                        as a(message_id, answered_ago, status_code, latency_ms, response_body, error, outcome)
                    """)) {
                insert.setObject(1, clinicId);
                insert.setArray(2, connection.createArrayOf("uuid",
                        attempts.stream().map(a -> a.message().messageId()).toArray()));
                insert.setArray(3, connection.createArrayOf("bigint",
                        attempts.stream().map(a -> a.result().answeredAgoMillis()).toArray()));
                insert.setArray(4, connection.createArrayOf("integer",
                        attempts.stream().map(a -> a.result().statusCode()).toArray()));
                insert.setArray(5, connection.createArrayOf("integer",
                        attempts.stream().map(a -> (int) Math.min(Integer.MAX_VALUE, a.result().latencyMillis()))
                                .toArray()));
                insert.setArray(6, connection.createArrayOf("varchar",
                        attempts.stream().map(a -> a.result().responseBody()).toArray()));
                insert.setArray(7, connection.createArrayOf("varchar",
                        attempts.stream().map(a -> a.result().error()).toArray()));
                insert.setArray(8, connection.createArrayOf("varchar", outcomes.toArray()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks delivered the messages still held by the lease they were attempted under: a statement
     * per message, sent together, so each finds its row by primary key (see {@link #claim}).
     */
    private static void markDelivered(Connection connection, UUID clinicId, List<Attempted> delivered)
            throws SQLException {
        try (PreparedStatement done = connection.prepareStatement("""
                update webhook_message set status = 'delivered', attempt_count = attempt_count + 1,
                    delivered_at = clock_timestamp() - ? * interval '1 millisecond',
                    last_attempt_at = clock_timestamp() - ? * interval '1 millisecond',
                    lease_until = null, lease_token = null
                where clinic_id = ? and id = ? and lease_token = ?
                """)) {
            for (Attempted attempt : delivered) {
                long answeredAgo = attempt.result().answeredAgoMillis();
                done.setLong(1, answeredAgo);
                done.setLong(2, answeredAgo);
                done.setObject(3, clinicId);
                done.setObject(4, attempt.message().messageId());
                done.setObject(5, attempt.message().leaseToken());
                done.addBatch();
            }
            done.executeBatch();
        }
    }

    /** Moves a message whose attempt failed on; its attempt's outcome, retrying or failed. */
    private static String recordFailure(Connection connection, Attempted attempt, Duration retryFor,
            Duration disableAfter) throws SQLException {
        Claimed message = attempt.message();
        Result result = attempt.result();
        String outcome;
        // Dated when the answer came, not when the record is written (the recorder batches).
        try (PreparedStatement failed = connection.prepareStatement("""
                update webhook_message m set last_attempt_at = a.at, attempt_count = attempt_count + 1,
                    lease_until = null, lease_token = null,
                    status = case when ? and a.at < retry_from + ? * interval '1 millisecond'
                                  then 'pending' else 'failed' end,
                    next_attempt_at = least(a.at + ? * interval '1 millisecond',
                                            retry_from + ? * interval '1 millisecond')
                from (select clock_timestamp() - ? * interval '1 millisecond' as at) a
                where m.clinic_id = ? and m.id = ? and m.lease_token = ?
                returning m.status
                """)) {
            failed.setBoolean(1, result.retryable());
            failed.setLong(2, retryFor.toMillis());
            failed.setLong(3, result.retryDelay() == null ? 0 : result.retryDelay().toMillis());
            failed.setLong(4, retryFor.toMillis());
            failed.setLong(5, result.answeredAgoMillis());
            failed.setObject(6, message.clinicId());
            failed.setObject(7, message.messageId());
            failed.setObject(8, message.leaseToken());
            try (ResultSet row = failed.executeQuery()) {
                // No row: the lease was taken over, and the new holder decides the message's fate.
                boolean pending = row.next() ? row.getString(1).equals("pending") : result.retryable();
                outcome = pending ? "retrying" : "failed";
            }
        }
        markFailing(connection, message, result, disableAfter);
        return outcome;
    }

    private static void markFailing(Connection connection, Claimed message, Result result, Duration disableAfter)
            throws SQLException {
        try (PreparedStatement failing = connection.prepareStatement("""
                update webhook_endpoint set failing_since = now()
                where clinic_id = ? and id = ? and failing_since is null
                """);
                PreparedStatement disable = connection.prepareStatement("""
                        update webhook_endpoint set enabled = false, disabled_at = now(), updated_at = now(),
                            version = version + 1,
                            disabled_reason = 'every delivery failed since ' || webhook_instant(failing_since)
                                || '; the last: ' || ?
                        where clinic_id = ? and id = ? and enabled
                          and failing_since <= now() - ? * interval '1 millisecond'
                        """)) {
            failing.setObject(1, message.clinicId());
            failing.setObject(2, message.endpointId());
            failing.executeUpdate();
            disable.setString(1, result.statusCode() != null ? "HTTP " + result.statusCode() : result.error());
            disable.setObject(2, message.clinicId());
            disable.setObject(3, message.endpointId());
            disable.setLong(4, disableAfter.toMillis());
            disable.executeUpdate();
        }
    }

    /** Work in a short transaction of its own that names the clinic to PostgreSQL. */
    <T> T inClinic(UUID clinicId, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement name = connection.prepareStatement(
                        "select set_config('app.clinic_id', ?, true)")) {
                    name.setString(1, clinicId.toString());
                    name.execute();
                }
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
