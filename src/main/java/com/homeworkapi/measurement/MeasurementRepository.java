package com.homeworkapi.measurement;

import com.homeworkapi.clinic.InstrumentUsage;
import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID>, InstrumentUsage {

    public List<Measurement> listForClient(UUID clinicId, UUID clientId, String instrument, PageRequest page) {
        return listForClient(clinicId, clientId, instrument, null, null, page);
    }

    /** As above, measured on {@code from} or later and before {@code toExclusive}, where given. */
    public List<Measurement> listForClient(UUID clinicId, UUID clientId, String instrument, LocalDate from,
            LocalDate toExclusive, PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (instrument != null) {
            query.append(" and instrument = :instrument");
            parameters.and("instrument", instrument);
        }
        if (from != null) {
            query.append(" and measuredOn >= :from");
            parameters.and("from", from);
        }
        if (toExclusive != null) {
            query.append(" and measuredOn < :to");
            parameters.and("to", toExclusive);
        }
        query.append(page.keysetCondition("measuredOn")).append(" order by measuredOn, id");
        return find(query.toString(), page.bind(parameters, LocalDate::parse)).range(0, page.limit()).list();
    }

    public Optional<Measurement> findInClinic(UUID clinicId, UUID measurementId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", measurementId))
                .firstResultOptional();
    }

    /** The measurement another system named with this identifier in the clinic, if any. */
    public Optional<UUID> findIdByIdentifier(UUID clinicId, String system, String value) {
        List<?> ids = getEntityManager().createNativeQuery(
                "select measurement_id from measurement_identifier where clinic_id = ?1 and system = ?2 and value = ?3")
                .setParameter(1, clinicId).setParameter(2, system).setParameter(3, value)
                .getResultList();
        return ids.stream().findFirst().map(id -> (UUID) id);
    }

    public void addIdentifier(UUID clinicId, UUID measurementId, String system, String value) {
        getEntityManager().createNativeQuery(
                "insert into measurement_identifier (clinic_id, system, value, measurement_id) values (?1, ?2, ?3, ?4)")
                .setParameter(1, clinicId).setParameter(2, system).setParameter(3, value).setParameter(4, measurementId)
                .executeUpdate();
    }

    @Override
    public boolean isUsed(UUID clinicId, String instrumentCode) {
        return count("clinicId = :clinic and instrument = :instrument",
                Parameters.with("clinic", clinicId).and("instrument", instrumentCode)) > 0;
    }

    @Override
    public boolean hasScoresOutside(UUID clinicId, String instrumentCode, double min, double max) {
        return count("clinicId = :clinic and instrument = :instrument and (score < :min or score > :max)",
                Parameters.with("clinic", clinicId).and("instrument", instrumentCode).and("min", min)
                        .and("max", max)) > 0;
    }
}
