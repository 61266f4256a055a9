package com.homeworkapi.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record AssignmentResponse(
        UUID id,
        UUID clientId,
        List<UUID> goalIds,
        String title,
        String instructions,
        AssignmentKind kind,
        Integer difficulty,
        Schedule schedule,
        AssignmentStatus status,
        int revision,
        LocalDate effectiveDate,
        Instant createdAt,
        Instant updatedAt) {

    public static AssignmentResponse from(Assignment assignment) {
        AssignmentTerms terms = assignment.terms;
        return new AssignmentResponse(assignment.id, assignment.clientId, terms.goalIds(), terms.title(),
                terms.instructions(), terms.kind(), terms.difficulty(), terms.schedule(), terms.status(),
                assignment.revision, assignment.effectiveDate, assignment.createdAt, assignment.updatedAt);
    }
}
