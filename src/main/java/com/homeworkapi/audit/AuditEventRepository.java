package com.homeworkapi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores audit events with plain JDBC: one INSERT per request, on the connection of the
 * request's transaction when there is one (a write), on its own otherwise (a read).
 */
@ApplicationScoped
class AuditEventRepository {

    /** Objects a path names by their own id; their client is read in the same INSERT. */
    private static final Map<String, String> TABLE_OF_RESOURCE = Map.of(
            "goal", "goal", "assignment", "assignment", "attempt", "attempt");

    private static final String INSERT = "insert into audit_event (clinic_id, actor_subject, actor_roles,"
            + " actor_client_id, operation, resource_type, resource_id, client_id, clients_covered, status,"
            + " request_id, source_address, user_agent)"
            + " select ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, ?, ?, ?"
            + " from unnest(?::uuid[]) as touched(client_id)";

    private static final String SELECT = "select seq, id, occurred_at, actor_subject, actor_roles, actor_client_id,"
            + " operation, resource_type, resource_id, client_id, clients_covered, status, request_id,"
            + " source_address, user_agent from audit_event where clinic_id = ?";

    @Inject
    ClinicConnections connections;

    /** A listed event and its place in the list (seq), which the cursor names. */
    record Listed(long seq, AuditEventResponse event) {
    }

    /**
     * Up to {@code limit} events of the clinic, newest first (by seq, the order they were
     * written in), after the one at {@code beforeSeq} when it is given.
     */
    List<Listed> list(UUID clinicId, AuditEventFilter filter, Long beforeSeq, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>(List.of(clinicId));
        condition(sql, parameters, " and client_id = ?", filter.clientId());
        condition(sql, parameters, " and actor_subject = ?", filter.actor());
        condition(sql, parameters, " and operation = ?", filter.operation());
        condition(sql, parameters, " and occurred_at >= ?", filter.from() == null ? null
                : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        condition(sql, parameters, " and occurred_at < ?", filter.to() == null ? null
                : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        condition(sql, parameters, " and seq < ?", beforeSeq);
        sql.append(" order by seq desc limit ").append(limit);
        return connections.inClinic(clinicId, connection -> list(connection, sql.toString(), parameters));
    }

    private static List<Listed> list(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                query.setObject(index + 1, parameters.get(index));
            }
            List<Listed> events = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    events.add(new Listed(row.getLong("seq"), new AuditEventResponse(
                            row.getObject("id", UUID.class),
                            row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            row.getString("actor_subject"),
                            List.of(row.getString("actor_roles").split(",")).stream()
                                    .filter(role -> !role.isEmpty()).toList(),
                            row.getObject("actor_client_id", UUID.class),
                            row.getString("operation"),
                            row.getString("resource_type"),
                            row.getObject("resource_id", UUID.class),
                            row.getObject("client_id", UUID.class),
                            (Integer) row.getObject("clients_covered"),
                            row.getInt("status"),
                            row.getString("request_id"),
                            row.getString("source_address"),
                            row.getString("user_agent"))));
                }
            }
            return events;
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            parameters.add(value);
        }
    }

    /**
     * One row per client the event names (one row without a client when it names none). When
     * the path names a goal, assignment or attempt and no client is known, the object's client
     * in the caller's clinic is looked up by the INSERT itself, saving a round trip.
     *
     * @return the number of rows written
     */
    int insert(AuditEvent event) throws SQLException {
        return connections.inClinic(event.clinicId(), connection -> insert(connection, event));
    }

    private static int insert(Connection connection, AuditEvent event) throws SQLException {
        String lookup = event.clientIds().isEmpty() && event.resourceId() != null
                ? TABLE_OF_RESOURCE.get(event.resourceType()) : null;
        String clientColumn = lookup == null ? "touched.client_id"
                : "(select client_id from " + lookup + " where clinic_id = ? and id = ?)";
        try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted(clientColumn))) {
            int index = 0;
            insert.setObject(++index, event.clinicId());
            insert.setString(++index, event.actorSubject());
            insert.setString(++index, event.actorRoles());
            insert.setObject(++index, event.actorClientId(), Types.OTHER);
            insert.setString(++index, event.operation());
            insert.setString(++index, event.resourceType());
            insert.setObject(++index, event.resourceId(), Types.OTHER);
            if (lookup != null) {
                insert.setObject(++index, event.clinicId());
                insert.setObject(++index, event.resourceId());
            }
            if (event.clientsCovered() == null) {
                insert.setNull(++index, Types.INTEGER);
            } else {
                insert.setInt(++index, event.clientsCovered());
            }
            insert.setInt(++index, event.status());
            insert.setString(++index, event.requestId());
            insert.setString(++index, event.sourceAddress());
            insert.setString(++index, event.userAgent());
            UUID[] clients = event.clientIds().isEmpty() ? new UUID[] {null} : event.clientIds().toArray(UUID[]::new);
            insert.setArray(++index, connection.createArrayOf("uuid", clients));
            return insert.executeUpdate();
        }
    }
}
