package com.homeworkapi.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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

    @Inject
    AgroalDataSource dataSource;

    /**
     * One row per client the event names (one row without a client when it names none). When
     * the path names a goal, assignment or attempt and no client is known, the object's client
     * in the caller's clinic is looked up by the INSERT itself, saving a round trip.
     *
     * @return the number of rows written
     */
    int insert(AuditEvent event) throws SQLException {
        String lookup = event.clientIds().isEmpty() && event.resourceId() != null
                ? TABLE_OF_RESOURCE.get(event.resourceType()) : null;
        String clientColumn = lookup == null ? "touched.client_id"
                : "(select client_id from " + lookup + " where clinic_id = ? and id = ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT.formatted(clientColumn))) {
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
