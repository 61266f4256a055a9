package com.homeworkapi.common;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that passes by itself (the database restarting or unreachable, no connection
 * free in the pool, a statement timeout, a deadlock or serialization failure) from a bug, by
 * the SQLState of the SQLException somewhere in its causes, whoever wrapped it (Hibernate, JPA,
 * the transaction manager). Such a request changed nothing, so it is answered 503 with
 * Retry-After, to be sent again, never 500.
 */
public final class TransientFailures {

    /** Long enough for a restarting database to accept connections again. */
    static final long DATABASE_DOWN_RETRY_SECONDS = 5;
    /** A connection or a lock is usually free again within a second. */
    static final long BUSY_RETRY_SECONDS = 1;

    private static final String POOL_PACKAGE = "io.agroal.";

    private TransientFailures() {
    }

    /** The 503 a failure stands for, or empty when it is no transient failure. */
    public static Optional<ApiProblem> problemFor(Throwable failure) {
        Optional<SQLException> sqlFailure = sqlExceptionIn(failure);
        if (sqlFailure.isPresent()) {
            return problemFor(sqlFailure.get());
        }
        if (rolledBackByTheTransactionManager(failure)) {
            // The code never marks a transaction rollback-only by itself, so a commit refused
            // without any database failure means the manager's reaper ended it: it ran past its
            // timeout (a cold clinic report on a loaded machine), and nothing was changed.
            return Optional.of(ApiProblem.serviceUnavailable(
                    "The request took longer than its time limit and changed nothing; retry after the time in"
                            + " Retry-After.", BUSY_RETRY_SECONDS));
        }
        return Optional.empty();
    }

    /** The SQLState of the failure's SQLException, for the log; never its message (it may quote values). */
    public static String sqlState(Throwable failure) {
        return sqlExceptionIn(failure).map(SQLException::getSQLState).orElse(null);
    }

    private static Optional<ApiProblem> problemFor(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            // The pool refuses without a SQLState when none of its connections came free in time
            // (or while it closes, as the service stops).
            return raisedByThePool(failure) ? Optional.of(ApiProblem.serviceUnavailable(
                    "All database connections are busy; retry after the time in Retry-After.", BUSY_RETRY_SECONDS))
                    : Optional.empty();
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            // Connection exceptions; admin shutdown, crash shutdown, cannot connect now (starting up).
            return Optional.of(ApiProblem.serviceUnavailable(
                    "The database is not reachable right now; retry after the time in Retry-After.",
                    DATABASE_DOWN_RETRY_SECONDS));
        }
        if (state.startsWith("53")) {
            // Insufficient resources: too many connections, out of memory or disk.
            return Optional.of(ApiProblem.serviceUnavailable(
                    "The database is overloaded right now; retry after the time in Retry-After.",
                    DATABASE_DOWN_RETRY_SECONDS));
        }
        return switch (state) {
            case "57014" -> Optional.of(ApiProblem.serviceUnavailable(
                    "The request took longer than its time limit; retry after the time in Retry-After.",
                    BUSY_RETRY_SECONDS));
            case "40001", "40P01", "55P03" -> Optional.of(ApiProblem.serviceUnavailable(
                    "The request met concurrent work on the same data and changed nothing; retry after the time"
                            + " in Retry-After.", BUSY_RETRY_SECONDS));
            default -> Optional.empty();
        };
    }

    private static boolean rolledBackByTheTransactionManager(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof RollbackException) {
                return true;
            }
        }
        return false;
    }

    private static boolean raisedByThePool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(POOL_PACKAGE);
    }

    /**
     * The first SQLException among the failure's causes and suppressed exceptions: the
     * transaction manager reports a commit that failed as a RollbackException with the
     * driver's exception suppressed, not as its cause.
     */
    private static Optional<SQLException> sqlExceptionIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql) {
                return Optional.of(deepest(sql));
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return Optional.empty();
    }

    /** The driver's own exception under the pool's or Hibernate's wrappers, which carries the SQLState. */
    private static SQLException deepest(SQLException failure) {
        SQLException deepest = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && deepest.getSQLState() == null) {
                deepest = sql;
            }
        }
        return deepest;
    }
}
