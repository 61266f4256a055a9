package com.homeworkapi.support;

import com.homeworkapi.measurement.MeasurementSafetyFlagged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the safety flag's event in the service under test, as the webhooks will, and keeps
 * each with whether it came inside the measurement's transaction.
 */
@ApplicationScoped
public class SafetyFlagEvents {

    /** One event as observed. */
    public record Seen(MeasurementSafetyFlagged event, boolean inTransaction) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void on(@Observes MeasurementSafetyFlagged event) {
        seen.add(new Seen(event, QuarkusTransaction.isActive()));
    }

    /** The events about this clinic's measurements, in the order they were fired. */
    public List<Seen> ofClinic(UUID clinicId) {
        return seen.stream().filter(one -> one.event().clinicId().equals(clinicId)).toList();
    }
}
