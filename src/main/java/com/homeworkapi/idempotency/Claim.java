package com.homeworkapi.idempotency;

import java.time.Instant;

/** A key this request holds, and since when: the time tells this claim from a later one of the same key. */
record Claim(IdempotencyRecord.Key key, Instant claimedAt) {
}
