package com.homeworkapi.common;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Which failures pass by themselves (503 with Retry-After) and which are bugs (500), by SQLState. */
class TransientFailuresTest {

    @Test
    void shouldAnswer503WithRetryAfterForEveryFailureThatPassesByItself() {
        Map<String, String> retryAfterByState = Map.of(
                "08006", "5", // connection failure: the database went away mid-request
                "08001", "5", // cannot connect
                "57P01", "5", // admin shutdown: the database is restarting
                "57P03", "5", // cannot connect now: the database is starting
                "53300", "5", // too many connections
                "57014", "1", // statement timeout
                "40001", "1", // serialization failure
                "40P01", "1", // deadlock
                "55P03", "1"); // lock not available
        retryAfterByState.forEach((state, retryAfter) -> {
            ApiProblem problem = TransientFailures.problemFor(new SQLException("reason", state)).orElseThrow(
                    () -> new AssertionError(state + " should be transient"));
            assertAll(state,
                    () -> assertEquals(503, problem.status()),
                    () -> assertEquals(retryAfter, problem.headers().get("Retry-After")));
        });
    }

    @Test
    void shouldFindTheSqlStateUnderHibernatesAndJpasWrappers() {
        SQLException deadlock = new SQLException("reason", "40P01");
        SQLException gone = new SQLException("reason", "08006");
        List<Throwable> wrapped = List.of(
                new PersistenceException(new LockAcquisitionException("deadlock", deadlock)),
                new IllegalStateException(new JDBCConnectionException("gone", gone)),
                // The pool's own exception, without a state, around the driver's.
                new PersistenceException(new SQLException("Acquisition timeout", null, 0, gone)));
        wrapped.forEach(failure -> assertTrue(TransientFailures.problemFor(failure).isPresent(), failure.toString()));
    }

    @Test
    void shouldFindTheSqlStateOfACommitThatFailedInTheRollbackExceptionsSuppressed() {
        // Narayana reports the resource's failure at commit as a suppressed exception.
        XAException commitFailed = new XAException(XAException.XA_RBROLLBACK);
        commitFailed.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.addSuppressed(commitFailed);

        ApiProblem problem = TransientFailures.problemFor(new RuntimeException(rolledBack)).orElseThrow();

        assertEquals(503, problem.status());
    }

    @Test
    void shouldAnswer503ForATransactionTheReaperEndedAfterItsTimeout() {
        // What a @Transactional method past its timeout throws when it tries to commit: the
        // manager's checked RollbackException, which ArC wraps as undeclared. A cold report on a
        // loaded machine met it and was answered 500 before.
        RollbackException timedOut = new RollbackException(
                "ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:81a7:6b101d18:1e");

        ApiProblem problem = TransientFailures.problemFor(new ArcUndeclaredThrowableException(timedOut)).orElseThrow();

        assertAll(() -> assertEquals(503, problem.status()),
                () -> assertEquals("1", problem.headers().get("Retry-After")));
    }

    @Test
    void shouldLeaveACommitThatFailedOnBadDataTo500() {
        XAException commitFailed = new XAException(XAException.XA_RBINTEGRITY);
        commitFailed.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.addSuppressed(commitFailed);

        assertTrue(TransientFailures.problemFor(new ArcUndeclaredThrowableException(rolledBack)).isEmpty());
    }

    @Test
    void shouldTakeAPoolTimeoutForBusyConnections() {
        SQLException poolTimeout = new SQLException("Sorry, acquisition timeout!");
        poolTimeout.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, 1)});

        ApiProblem problem = TransientFailures.problemFor(new PersistenceException(poolTimeout)).orElseThrow();

        assertEquals("1", problem.headers().get("Retry-After"));
    }

    @Test
    void shouldLeaveBugsAndBadDataTo500OrTheirOwnMappers() {
        List<Throwable> notTransient = List.of(
                new SQLException("unique violation", "23505"),
                new SQLException("syntax error", "42601"),
                new SQLException("no state, not from the pool"),
                new IllegalStateException("no SQL at all"));
        notTransient.forEach(failure -> assertTrue(TransientFailures.problemFor(failure).isEmpty(), failure.toString()));
    }
}
