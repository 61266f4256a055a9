package com.homeworkapi.client;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "client")
public class Client {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    // Loaded when read: most requests that load a client (scoring, compliance, attempts) never show
    // its identifiers, and a page of clients loads theirs in batches.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "client_external_id", joinColumns = @JoinColumn(name = "client_id"))
    @OrderBy("system asc, value asc")
    public List<ExternalId> externalIds = new ArrayList<>();

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "treatment_start_date")
    public LocalDate treatmentStartDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClientStatus status;

    @Column(name = "primary_clinician_id")
    public String primaryClinicianId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The date it is now where the client lives; weeks and "not in the future" are judged by it. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(timeZone));
    }
}
