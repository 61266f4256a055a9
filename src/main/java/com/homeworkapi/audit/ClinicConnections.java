package com.homeworkapi.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Plain JDBC on one clinic's audit rows. Inside a transaction of the request's (a write) the
 * work joins it, whose clinic is named already; otherwise it runs in a short transaction of its
 * own that names the clinic to PostgreSQL ({@code app.clinic_id}, which row-level security reads),
 * so the sealer and the verification, off any request, are held to one clinic as requests are.
 *
 * <p>Such a transaction commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit} off, for it alone): a read's event is then stored, visible and
 * sealable when the answer goes out, but a crash of PostgreSQL itself within a fraction of a
 * second could lose it. Waiting for the flush cost a read 1 to 6 ms on this machine, past the
 * budget of 1 ms; a write's event commits with the write, synchronously, as before.
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
