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
     * for {@code lease}: rows another dispatcher is claiming right now are skipped (SKIP LOCKED),
     * and a claim whose lease ran out (its dispatcher died) is due again.
     */
    List<Claimed> claim(UUID clinicId, int limit, Duration lease) throws SQLException {
        UUID token = UUID.randomUUID();
        return inClinic(clinicId, connection -> {
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    with due as materialized (
                        select c.id from webhook_message c
                        join webhook_endpoint ce on ce.clinic_id = c.clinic_id and ce.id = c.endpoint_id
                        where c.clinic_id = ? and c.status = 'pending' and c.next_attempt_at <= now()
                          and (c.lease_until is null or c.lease_until <= now()) and ce.enabled
                        order by c.priority desc, c.next_attempt_at
                        limit ?
                        for update of c skip locked)
                    update webhook_message m set lease_until = now() + ? * interval '1 millisecond', lease_token = ?
                    from webhook_endpoint e
                    where m.clinic_id = ? and m.id = any (array(select id from due))
                      and e.clinic_id = m.clinic_id and e.id = m.endpoint_id
                    returning m.id, m.endpoint_id, m.attempt_count, m.priority, e.url, e.secret,
                              case when e.previous_secret_until > now() then e.previous_secret end,
                              m.event_id, m.event_type, m.created_at, m.client_id, m.client_sequence, m.data::text
                    """)) {
                // Materialized, so the locked rows are chosen once: a subquery under IN may be run
                // again by the plan and claim more than the limit. The ids as an array, so the
                // update finds them by primary key: joined to the CTE, on statistics of a table that
                // had just grown, the plan walked every message of the endpoint for each claimed one.
                claim.setObject(1, clinicId);
                claim.setInt(2, limit);
                claim.setLong(3, lease.toMillis());
                claim.setObject(4, token);
                claim.setObject(5, clinicId);
                List<Integer> priorities = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        List<String> secrets = row.getString(7) == null ? List.of(row.getString(6))
                                : List.of(row.getString(6), row.getString(7));
                        claimed.add(new Claimed(clinicId, row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                                token, row.getInt(3), row.getString(5), secrets, row.getObject(8, UUID.class),
                                row.getString(9), row.getTimestamp(10).toInstant(), row.getObject(11, UUID.class),
                                row.getLong(12), row.getString(13)));
                        priorities.add(row.getInt(4));
                    }
                }
                // RETURNING keeps no order: the urgent go first.
                List<Claimed> ordered = new ArrayList<>(claimed.size());
                for (int pass = 1; pass >= 0; pass--) {
                    for (int i = 0; i < claimed.size(); i++) {
                        if ((priorities.get(i) > 0 ? 1 : 0) == pass) {
                            ordered.add(claimed.get(i));
                        }
                    }
                }
                return ordered;
            }
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
            // Deliveries, the common case, in one statement whatever their number.
            if (!delivered.isEmpty()) {
                try (PreparedStatement done = connection.prepareStatement("""
                        update webhook_message m set status = 'delivered', attempt_count = m.attempt_count + 1,
                            delivered_at = clock_timestamp() - d.answered_ago * interval '1 millisecond',
                            last_attempt_at = clock_timestamp() - d.answered_ago * interval '1 millisecond',
                            lease_until = null, lease_token = null
                        from unnest(?, ?, ?) as d(id, lease_token, answered_ago)
                        where m.clinic_id = ? and m.id = d.id and m.lease_token = d.lease_token
                        """);
                        PreparedStatement healthy = connection.prepareStatement("""
                                update webhook_endpoint set failing_since = null
                                where clinic_id = ? and id = any (?) and failing_since is not null
                                """)) {
                    done.setArray(1, connection.createArrayOf("uuid",
                            delivered.stream().map(a -> a.message().messageId()).toArray()));
                    done.setArray(2, connection.createArrayOf("uuid",
                            delivered.stream().map(a -> a.message().leaseToken()).toArray()));
                    done.setArray(3, connection.createArrayOf("bigint",
                            delivered.stream().map(a -> a.result().answeredAgoMillis()).toArray()));
                    done.setObject(4, clinicId);
                    done.executeUpdate();
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

    /** Moves a message whose attempt failed on; its attempt's outcome, retrying or failed. */
    private static String recordFailure(Connection connection, Attempted attempt, Duration retryFor,
            Duration disableAfter) throws SQLException {
        Claimed message = attempt.message();
        Result result = attempt.result();
        String outcome;
        try (PreparedStatement failed = connection.prepareStatement("""
                update webhook_message set last_attempt_at = now(), attempt_count = attempt_count + 1,
                    lease_until = null, lease_token = null,
                    status = case when ? and now() < retry_from + ? * interval '1 millisecond'
                                  then 'pending' else 'failed' end,
                    next_attempt_at = least(now() + ? * interval '1 millisecond',
                                            retry_from + ? * interval '1 millisecond')
                where clinic_id = ? and id = ? and lease_token = ?
                returning status
                """)) {
            failed.setBoolean(1, result.retryable());
            failed.setLong(2, retryFor.toMillis());
            failed.setLong(3, result.retryDelay() == null ? 0 : result.retryDelay().toMillis());
            failed.setLong(4, retryFor.toMillis());
            failed.setObject(5, message.clinicId());
            failed.setObject(6, message.messageId());
            failed.setObject(7, message.leaseToken());
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
