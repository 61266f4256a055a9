package com.homeworkapi.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Everything a revision records about an assignment. The assignment holds the newest terms;
 * each revision keeps the terms in force from its effective date on.
 */
@Embeddable
public record AssignmentTerms(
        @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "goal_ids", nullable = false) List<UUID> goalIds,
        @Column(nullable = false) String title,
        String instructions,
        @Enumerated(EnumType.STRING) @Column(nullable = false) AssignmentKind kind,
        Integer difficulty,
        @Embedded Schedule schedule,
        @Enumerated(EnumType.STRING) @Column(nullable = false) AssignmentStatus status) {
}
