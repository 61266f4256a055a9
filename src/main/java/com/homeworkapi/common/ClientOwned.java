package com.homeworkapi.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A row that belongs to one client of one clinic: the columns every tenant query filters on,
 * declared once for goals, assignments, attempts, measurements and reviews.
 */
@MappedSuperclass
public abstract class ClientOwned {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;
}
