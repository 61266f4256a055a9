package com.homeworkapi.support;

import com.homeworkapi.security.ClinicScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
}
