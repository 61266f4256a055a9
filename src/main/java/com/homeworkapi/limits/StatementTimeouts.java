package com.homeworkapi.limits;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Gives every connection, as it is taken from the pool, the statement timeout of the kind of
 * request that takes it (settings per kind). A statement over it is cancelled by PostgreSQL
 * (SQLState 57014) and answered 503. The timeout is a session setting, and a connection keeps
 * the last one it was given, so it is set only when the kind changes: a pool serving mostly
 * one kind pays no round trip for it.
 */
@ApplicationScoped
public class StatementTimeouts implements AgroalPoolInterceptor {

    private final LimitsConfig.StatementTimeouts timeouts;

    /** The timeout each physical connection has now; forgotten with the connection. */
    private final Map<PGConnection, Duration> current = Collections.synchronizedMap(new WeakHashMap<>());

    private final RequestKind requestKind;

    StatementTimeouts(LimitsConfig config, RequestKind requestKind) {
        this.timeouts = config.statementTimeout();
        this.requestKind = requestKind;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Duration wanted = timeoutOf(currentKind());
        try {
            PGConnection physical = connection.unwrap(PGConnection.class);
            if (wanted.equals(current.get(physical))) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("set statement_timeout = " + wanted.toMillis());
            }
            current.put(physical, wanted);
        } catch (SQLException failed) {
            // Kept as the cause: a database that is down is answered 503 by its SQLState.
            throw new IllegalStateException("The statement timeout could not be set", failed);
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
}
