package com.homeworkapi.score;

import java.time.Instant;
import java.util.UUID;

/**
 * A skipped or partial attempt with the obstacles the client named, read in the same rows as
 * scoring's attempts so that a view summarising what got in the way needs no second read.
 *
 * @param obstacles as the attempt table keeps them, "NO_TIME,FORGOT", empty when none was named
 */
public record UnfinishedAttempt(UUID assignmentId, Instant occurredAt, boolean skipped, String obstacles) {
}
