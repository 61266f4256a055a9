package com.homeworkapi.assignment;

import com.homeworkapi.common.ClientOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "assignment")
public class Assignment extends ClientOwned {

    @Embedded
    public AssignmentTerms terms;

    /** The number of the revision that holds the current terms. */
    @Column(nullable = false)
    public int revision;

    /** The day the current terms took effect, in the client's time zone. */
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
