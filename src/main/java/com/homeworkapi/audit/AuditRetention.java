package com.homeworkapi.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes audit events once they are older than AUDIT_RETENTION, a whole sealed block at a time
 * and oldest first, so the chain that is kept starts at a block and still verifies (V14's
 * audit_delete_expired). A block goes only when its newest event is past the retention; the
 * database refuses younger ones.
 */
@Startup
@ApplicationScoped
public class AuditRetention {

    /** HIPAA asks for six years; V11's trigger holds every event at least that long. */
    static final Period FLOOR = Period.ofYears(6);
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final Period retention;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    AuditRetention(AuditConfig config) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (today.minus(config.retention()).isAfter(today.minus(FLOOR))) {
            throw new IllegalStateException("AUDIT_RETENTION (homework.audit.retention) is " + config.retention()
                    + "; audit events must be kept at least " + FLOOR);
        }
        this.retention = config.retention();
    }

    @Scheduled(every = "${homework.audit.cleanup-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredOnSchedule() {
        try {
            deleteExpired();
        } catch (SQLException failed) {
            LOG.errorf("Deleting expired audit events failed: %s (SQL state %s)", failed.getClass().getName(),
                    failed.getSQLState());
        }
    }

    /** @return how many events were deleted */
    public int deleteExpired() throws SQLException {
        Timestamp cutoff = Timestamp.from(clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant());
        // V14's audit_delete_expired: the service's role itself may not delete audit rows.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("select audit_delete_expired(?)")) {
            delete.setTimestamp(1, cutoff);
            try (ResultSet deleted = delete.executeQuery()) {
                deleted.next();
                return deleted.getInt(1);
            }
        }
    }
}
