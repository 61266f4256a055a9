package com.homeworkapi.limits;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Gives the work of every connection taken from the pool the statement timeout of the kind of
 * request that takes it (settings per kind). A statement over it is cancelled by PostgreSQL
 * (SQLState 57014) and answered 503.
 *
 * <p>Each connection starts with the write timeout as its session's own, so the common case (a
 * read or write whose timeout is the same, the default) costs no round trip. Another kind's
 * timeout is set for the transaction only ({@code set local}), which ends with it whether it
 * commits or rolls back; a connection taken outside a transaction gets it for the session and
 * is given the default back when it returns to the pool.
 */
@ApplicationScoped
public class StatementTimeouts implements AgroalPoolInterceptor {

    private final LimitsConfig.StatementTimeouts timeouts;
    private static final Logger LOG = Logger.getLogger(StatementTimeouts.class);

    private final RequestKind requestKind;
    private final Duration sessionDefault;

    /** Connections whose session timeout is not the default until they return to the pool. */
    private final Set<PGConnection> changed = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    StatementTimeouts(LimitsConfig config, RequestKind requestKind) {
        this.timeouts = config.statementTimeout();
        this.requestKind = requestKind;
        this.sessionDefault = timeouts.write();
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        execute(connection, "set statement_timeout = " + sessionDefault.toMillis());
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Duration wanted = timeoutOf(currentKind());
        if (wanted.equals(sessionDefault)) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                execute(connection, "set local statement_timeout = " + wanted.toMillis());
                return;
            }
            execute(connection, "set statement_timeout = " + wanted.toMillis());
            changed.add(connection.unwrap(PGConnection.class));
        } catch (SQLException | IllegalStateException failed) {
            // Not thrown: the pool would put back a connection the transaction still holds and run
            // dry during a database outage. The next statement fails with the database's own error.
            LOG.debugf("Setting the statement timeout failed: %s", failed.getClass().getName());
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (changed.remove(connection.unwrap(PGConnection.class))) {
                execute(connection, "set statement_timeout = " + sessionDefault.toMillis());
            }
        } catch (SQLException | IllegalStateException failed) {
            // A connection that cannot take a SET is broken; the pool's validation drops it.
            LOG.debugf("Resetting the statement timeout failed: %s", failed.getClass().getName());
        }
    }

    Duration timeoutOf(RequestKind.Kind kind) {
        return switch (kind) {
            case READ -> timeouts.read();
            case WRITE -> timeouts.write();
            case HEAVY_READ -> timeouts.heavyRead();
            case BACKGROUND -> timeouts.background();
        };
    }

    private RequestKind.Kind currentKind() {
        return Arc.container().requestContext().isActive() ? requestKind.kind() : RequestKind.Kind.BACKGROUND;
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            // Kept as the cause: a database that is down is answered 503 by its SQLState.
            throw new IllegalStateException("The statement timeout could not be set", failed);
        }
    }
}
