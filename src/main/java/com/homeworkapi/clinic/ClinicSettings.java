package com.homeworkapi.clinic;

import com.homeworkapi.scoring.ScoringSettings;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A clinic's scoring thresholds and own instruments, once an admin has saved them. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings {

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "compliance_met", nullable = false)
    public double met;

    @Column(name = "compliance_adequate", nullable = false)
    public double adequate;

    @Column(name = "engagement_weeks", nullable = false)
    public int engagementWeeks;

    @Column(name = "at_risk_weeks", nullable = false)
    public int atRiskWeeks;

    @Column(name = "relapse_weeks", nullable = false)
    public int relapseWeeks;

    @Column(name = "recovering_weeks", nullable = false)
    public int recoveringWeeks;

    @Column(name = "symptom_relapse_measurements", nullable = false)
    public int symptomRelapseMeasurements;

    @Column(name = "symptom_relapse_days", nullable = false)
    public int symptomRelapseDays;

    // Lazy, so that locking the settings row is a plain select ... for update without a join.
    @ElementCollection
    @CollectionTable(name = "clinic_instrument", joinColumns = @JoinColumn(name = "clinic_id"))
    public List<ClinicInstrument> instruments = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ScoringSettings toScoringSettings() {
        return new ScoringSettings(met, adequate, engagementWeeks, atRiskWeeks, relapseWeeks, recoveringWeeks,
                symptomRelapseMeasurements, symptomRelapseDays);
    }
}
