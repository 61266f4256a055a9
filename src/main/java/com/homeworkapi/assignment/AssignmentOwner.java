package com.homeworkapi.assignment;

import java.util.UUID;

/**
 * Whose an assignment is: all that logging an attempt needs to know of it, read without loading
 * the assignment itself, as every attempt a phone uploads asks it.
 */
public record AssignmentOwner(UUID assignmentId, UUID clinicId, UUID clientId) {
}
