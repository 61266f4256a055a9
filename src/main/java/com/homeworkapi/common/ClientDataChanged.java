package com.homeworkapi.common;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the writing transaction) whenever something that scoring
 * reads about a client changes: an attempt, an assignment or its revision, a measurement, a
 * review. Features fire it without knowing who keeps scores.
 */
public record ClientDataChanged(UUID clinicId, UUID clientId) {
}
