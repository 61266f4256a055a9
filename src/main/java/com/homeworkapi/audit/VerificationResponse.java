package com.homeworkapi.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /v1/audit-events/verification}: whether the clinic's chain is intact,
 * how much of it was checked, its head (an admin may keep it elsewhere: a chain rewritten from
 * an earlier point on no longer ends in it) and every finding, naming the event.
 */
public record VerificationResponse(boolean intact, Instant verifiedAt, long blocks, long sealedEvents,
        long unsealedEvents, Long firstBlock, Long lastBlock, String headHash, List<Finding> findings) {

    /** One thing wrong: an event that was altered, removed or slipped in, or a block that no longer chains. */
    public record Finding(Long block, UUID eventId, Long seq, String problem) {

        static Finding ofBlock(long block, String problem) {
            return new Finding(block, null, null, problem);
        }
    }
}
