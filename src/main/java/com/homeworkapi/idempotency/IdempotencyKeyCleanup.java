package com.homeworkapi.idempotency;

import com.homeworkapi.security.ClinicScope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Deletes keys past their retention. Any number of instances may run it at once: they delete
 * the same rows, and a row one of them deleted is simply not there for the others.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class);

    @Inject
    IdempotencyKeys keys;

    @Inject
    ClinicScope clinicScope;

    @Scheduled(every = "${homework.idempotency.cleanup-every}", delayed = "${homework.idempotency.cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredKeys() {
        // A clinic at a time, in its scope: row-level security shows the cleanup no other clinic's keys.
        AtomicInteger deleted = new AtomicInteger();
        clinicScope.forEachClinic(clinicId -> deleted.addAndGet(keys.deleteExpired(clinicId)));
        if (deleted.get() > 0) {
            LOG.infof("Deleted %d expired idempotency keys", deleted.get());
        }
    }
}
