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
