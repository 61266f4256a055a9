package com.homeworkapi.security;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Names the clinic of every transaction to PostgreSQL, whose row-level security policies (V10)
 * then show and accept that clinic's rows only. The one place this happens: the pool calls it
 * once per transaction, when the transaction first takes its connection, so Hibernate, Panache
 * and plain JDBC on the same connection are all covered.
 *
 * <p>The setting is transaction-local ({@code set_config(..., true)}) and ends with the
 * transaction, so a pooled connection never carries a clinic into the next borrower's work. It
 * costs one round trip per transaction; PostgreSQL's driver sends the transaction's BEGIN with it.
 * A connection taken outside a transaction gets no clinic and so sees no clinic data.
 *
 * <p>The transaction of a read (GET or HEAD) is also told, in the same statement, not to wait for
 * the disk when it commits: what it stores is its audit event (and scores recomputed from stored
 * data). The event is visible before the answer goes out; only a crash of PostgreSQL itself in the
 * fraction of a second after could lose it. Waiting cost a read 1 to 6 ms here.
 */
@ApplicationScoped
public class ClinicTransactions implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(ClinicTransactions.class);

    private static final String NAME_CLINIC = "select set_config('app.clinic_id', ?, true)";
    private static final String NAME_CLINIC_OF_READ = NAME_CLINIC + ", set_config('synchronous_commit', 'off', true)";

    @Inject
    ClinicScope scope;

    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            if (connection.getAutoCommit()) {
                // No transaction: a local setting would end with its own statement.
                return;
            }
            Optional<UUID> clinic = scope.current();
            if (clinic.isEmpty()) {
                return;
            }
            try (PreparedStatement name = connection.prepareStatement(servesARead() ? NAME_CLINIC_OF_READ : NAME_CLINIC)) {
                name.setString(1, clinic.get().toString());
                name.execute();
            }
        } catch (SQLException failed) {
            // Not thrown: the pool would put the connection back while the transaction still
            // holds it, and a database outage would leave the pool dry after the database is
            // back. Without the setting the transaction sees and writes no clinic's rows, and its
            // next statement fails with the database's own error (answered 503 while it is down).
            LOG.debugf("Naming the transaction's clinic failed: SQLState %s", failed.getSQLState());
        }
    }

    private boolean servesARead() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext request = currentRequest.getCurrent();
        if (request == null) {
            return false;
        }
        HttpMethod method = request.request().method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
