package com.homeworkapi.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Plain JDBC on one clinic's audit rows. Inside a transaction of the request's (the call's own,
 * begun by {@link AuditInterceptor}) the work joins it, whose clinic is named already; otherwise
 * (a refusal, the sealer, the verification) it runs in a short transaction of its own that names
 * the clinic to PostgreSQL ({@code app.clinic_id}, which row-level security reads), so work off
 * any request is held to one clinic as requests are.
 *
 * <p>Such a transaction commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit} off, for it alone), as a read's does: the event is stored, visible
 * and sealable at once, but a crash of PostgreSQL itself within a fraction of a second could lose
 * it.
 */
@ApplicationScoped
class ClinicConnections {

    /** Work on a connection; may throw SQLException. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    <T> T inClinic(UUID clinicId, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                return work.on(connection);
            }
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement name = connection.prepareStatement(
                        "select set_config('app.clinic_id', ?, true),"
                                + " set_config('synchronous_commit', 'off', true)")) {
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
