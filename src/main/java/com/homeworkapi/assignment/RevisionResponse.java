package com.homeworkapi.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One revision of an assignment: its terms and the day they took effect. */
public record RevisionResponse(
        int revision,
        LocalDate effectiveDate,
        List<UUID> goalIds,
        String title,
        String instructions,
        AssignmentKind kind,
        Integer difficulty,
        Schedule schedule,
        AssignmentStatus status,
        Instant recordedAt) {

    static RevisionResponse from(AssignmentRevision revision) {
        AssignmentTerms terms = revision.terms;
        return new RevisionResponse(revision.revision, revision.effectiveDate, terms.goalIds(), terms.title(),
                terms.instructions(), terms.kind(), terms.difficulty(), terms.schedule(), terms.status(),
                revision.createdAt);
    }
}
