package com.homeworkapi.support;

import com.homeworkapi.security.ClinicScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The database as the service sees it for one clinic. What a test reads or writes behind the
 * API goes through the service's role and row-level security like the service's own work, so it
 * sees that clinic's rows only.
 */
public final class ClinicDatabase {

    private ClinicDatabase() {
    }

    /** Runs work in a new transaction of the service's, scoped to the clinic. */
    public static <T> T call(UUID clinicId, Callable<T> work) {
        return scope().call(clinicId, () -> QuarkusTransaction.requiringNew().call(work));
    }

    public static void run(UUID clinicId, Runnable work) {
        scope().run(clinicId, () -> QuarkusTransaction.requiringNew().run(work));
    }

    /**
     * A plain JDBC connection of the service's pool in a transaction that names the clinic, as the
     * service names it: commit or roll back, then close it. The clinic ends with the transaction.
     */
    public static Connection connection(UUID clinicId) throws SQLException {
        Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
        try {
            connection.setAutoCommit(false);
            name(connection, clinicId);
            return connection;
        } catch (SQLException failed) {
            connection.close();
            throw failed;
        }
    }

    /** Names the clinic for the connection's current transaction. */
    public static void name(Connection connection, UUID clinicId) throws SQLException {
        try (PreparedStatement name = connection.prepareStatement("select set_config('app.clinic_id', ?, true)")) {
            name.setString(1, clinicId.toString());
            name.execute();
        }
    }

    private static ClinicScope scope() {
        return Arc.container().instance(ClinicScope.class).get();
    }

    /** A completed attempt inserted as a raw row, for tests that hold the writing transaction open. */
    public static UUID insertAttempt(Connection connection, UUID clinicId, UUID clientId, UUID assignmentId)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at, outcome,
                    obstacles)
                values (?, ?, ?, ?, now(), now(), 'COMPLETED', '')
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, clinicId);
            insert.setObject(3, clientId);
            insert.setObject(4, assignmentId);
            insert.executeUpdate();
        }
        return id;
    }

    /** The id of the connection's current transaction, as the change feed records it. */
    public static String transactionId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select pg_current_xact_id()::text");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
