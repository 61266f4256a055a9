package com.homeworkapi.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The terms of an assignment from one effective date on; never changed once written. */
@Entity
@Table(name = "assignment_revision")
public class AssignmentRevision {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(name = "effective_date", nullable = false, updatable = false)
    public LocalDate effectiveDate;

    @Embedded
    public AssignmentTerms terms;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    static AssignmentRevision of(Assignment assignment, Instant now) {
        AssignmentRevision revision = new AssignmentRevision();
        revision.id = UUID.randomUUID();
        revision.clinicId = assignment.clinicId;
        revision.assignmentId = assignment.id;
        revision.revision = assignment.revision;
        revision.effectiveDate = assignment.effectiveDate;
        revision.terms = assignment.terms;
        revision.createdAt = now;
        return revision;
    }
}
