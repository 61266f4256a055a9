package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One assignment with its full revision history.
 *
 * @param difficulty optional 0-100, as agreed in session (e.g. the SUDS the client expected)
 * @param kind       optional free label such as "exposure" or "thought_record"
 */
public record AssignmentRecord(UUID id, List<RevisionRecord> revisions, Integer difficulty, String kind) {

    public AssignmentRecord {
        if (id == null) {
            throw new IllegalArgumentException("assignment id is required");
        }
        if (revisions == null || revisions.isEmpty()) {
            throw new IllegalArgumentException("assignment " + id + " needs at least one revision");
        }
        if (difficulty != null && (difficulty < 0 || difficulty > 100)) {
            throw new IllegalArgumentException("difficulty must be 0..100, was " + difficulty);
        }
        List<RevisionRecord> ordered = new ArrayList<>(revisions);
        // Stable sort: of two revisions on one date the later-listed one wins.
        ordered.sort(Comparator.comparing(RevisionRecord::effective));
        revisions = List.copyOf(ordered);
    }

    public static AssignmentRecord of(UUID id, RevisionRecord... revisions) {
        return new AssignmentRecord(id, List.of(revisions), null, null);
    }

    /** The revision in force on {@code date}, or null before the first one took effect. */
    public RevisionRecord revisionOn(LocalDate date) {
        RevisionRecord inForce = null;
        for (RevisionRecord revision : revisions) {
            if (revision.effective().isAfter(date)) {
                break;
            }
            inForce = revision;
        }
        return inForce;
    }

    /** Active means: in force, status active, and within the schedule's start and end dates. */
    public boolean isActiveOn(LocalDate date) {
        RevisionRecord revision = revisionOn(date);
        return revision != null
                && revision.status() == RevisionRecord.Status.ACTIVE
                && revision.schedule().covers(date);
    }

    public LocalDate firstEffectiveDate() {
        return revisions.get(0).effective();
    }
}
