package com.homeworkapi.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** An identifier another system (an EHR) knows the client by; unique within a clinic. */
@Embeddable
public class ExternalId {

    // Stored with the identifier so the database can keep it unique per clinic.
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "system", nullable = false)
    public String system;

    @Column(name = "value", nullable = false)
    public String value;

    protected ExternalId() {
    }

    public ExternalId(UUID clinicId, String system, String value) {
        this.clinicId = clinicId;
        this.system = system;
        this.value = value;
    }
}
