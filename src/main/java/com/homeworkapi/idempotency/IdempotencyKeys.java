package com.homeworkapi.idempotency;

import com.homeworkapi.common.Instants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifecycle of a key: claimed before the request runs, completed with its response or
 * released when it failed. Every step is its own short transaction, apart from the request's
 * own, so that a claim is visible to every instance before the request's work begins.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A claim can lose to a release or cleanup between its insert and its read; it then tries again. */
    private static final int CLAIM_TRIES = 3;

    @Inject
    IdempotencyRecordRepository records;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    /** What sending a key found. */
    sealed interface Outcome {
    }

    /** The key is this request's: run it, then complete or release the claim. */
    record Claimed(Claim claim) implements Outcome {
    }

    /** The same request was answered before: send this again. */
    record Replay(StoredResponse response) implements Outcome {
    }

    /** The same request is running right now, on this or another instance. */
    record InProgress() implements Outcome {
    }

    /** The key was used for another request (another body, path or method). */
    record Mismatch() implements Outcome {
    }

    Outcome claim(IdempotencyRecord.Key key, Fingerprint fingerprint) {
        for (int tries = 0; tries < CLAIM_TRIES; tries++) {
            Instant now = Instants.now(clock);
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> records.claim(key, fingerprint, now,
                    now.plus(config.retention()), now.minus(config.lease())));
            if (claimed) {
                return new Claimed(new Claim(key, now));
            }
            Optional<IdempotencyRecord> held = QuarkusTransaction.requiringNew().call(() -> records.find(key));
            if (held.isPresent()) {
                IdempotencyRecord record = held.get();
                if (!fingerprint.matches(record)) {
                    return new Mismatch();
                }
                return record.completed() ? new Replay(StoredResponse.from(record)) : new InProgress();
            }
        }
        return new InProgress();
    }

    void complete(Claim claim, StoredResponse response) {
        QuarkusTransaction.requiringNew().run(() -> records.complete(claim, response));
    }

    void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> records.release(claim));
    }

    /** Deletes every expired key of the clinic, in batches; returns how many. */
    int deleteExpired(UUID clinicId) {
        Instant now = Instants.now(clock);
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> records.deleteExpired(clinicId, now, config.cleanupBatch()));
            total += deleted;
        } while (deleted == config.cleanupBatch());
        return total;
    }
}
