package com.homeworkapi.clinic;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Keyed by the clinic itself: a clinic has at most one row, and only ever reads its own. */
@ApplicationScoped
public class ClinicSettingsRepository implements PanacheRepositoryBase<ClinicSettings, UUID> {

    public Optional<ClinicSettings> findOfClinic(UUID clinicId) {
        return findByIdOptional(clinicId);
    }

    /** Locked until the transaction ends, for a change to the settings. */
    public Optional<ClinicSettings> findForUpdate(UUID clinicId) {
        return findByIdOptional(clinicId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locked against a change until the transaction ends, while data is written that must fit them. */
    public Optional<ClinicSettings> findForShare(UUID clinicId) {
        return findByIdOptional(clinicId, LockModeType.PESSIMISTIC_READ);
    }
}
