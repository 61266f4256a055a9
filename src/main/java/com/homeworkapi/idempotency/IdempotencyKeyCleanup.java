package com.homeworkapi.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Scheduled(every = "${homework.idempotency.cleanup-every}", delayed = "${homework.idempotency.cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredKeys() {
        int deleted = keys.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d expired idempotency keys", deleted);
        }
    }
}
