package com.homeworkapi.measurement;

import com.homeworkapi.clinic.InstrumentUsage;
import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID>, InstrumentUsage {

    public List<Measurement> listForClient(UUID clinicId, UUID clientId, String instrument, PageRequest page) {
        return listForClient(clinicId, clientId, MeasurementFilter.ofInstrument(instrument), page);
    }

    /** As above, narrowed by the filter's fields that are given. */
    public List<Measurement> listForClient(UUID clinicId, UUID clientId, MeasurementFilter filter,
            PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (filter.instrument() != null) {
            query.append(" and instrument = :instrument");
            parameters.and("instrument", filter.instrument());
        }
        if (filter.from() != null) {
            query.append(" and measuredOn >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.toExclusive() != null) {
            query.append(" and measuredOn < :to");
            parameters.and("to", filter.toExclusive());
        }
        if (filter.recordedFrom() != null) {
            query.append(" and recordedAt >= :recordedFrom");
            parameters.and("recordedFrom", filter.recordedFrom());
        }
        if (filter.recordedBefore() != null) {
            query.append(" and recordedAt < :recordedBefore");
            parameters.and("recordedBefore", filter.recordedBefore());
        }
        if (filter.byIdentifier()) {
            // The identifiers' table has no entity; a client's scores are few, so their ids do.
            List<UUID> named = idsByIdentifier(clinicId, clientId, filter.identifierSystem(),
                    filter.identifierValue());
            if (named.isEmpty()) {
                return List.of();
            }
            query.append(" and id in :named");
            parameters.and("named", named);
        }
        query.append(page.keysetCondition("measuredOn")).append(" order by measuredOn, id");
        return find(query.toString(), page.bind(parameters, LocalDate::parse)).range(0, page.limit()).list();
    }

    /** The client's measurements another system named with an identifier of this system and/or value. */
    private List<UUID> idsByIdentifier(UUID clinicId, UUID clientId, String system, String value) {
        String sql = "select i.measurement_id from measurement_identifier i join measurement m"
                + " on m.clinic_id = i.clinic_id and m.id = i.measurement_id"
                + " where i.clinic_id = :clinic and m.client_id = :client"
                + (system == null ? "" : " and i.system = :system") + (value == null ? "" : " and i.value = :value");
        Query query = getEntityManager().createNativeQuery(sql).setParameter("clinic", clinicId)
                .setParameter("client", clientId);
        if (system != null) {
            query.setParameter("system", system);
        }
        if (value != null) {
            query.setParameter("value", value);
        }
        return query.getResultList().stream().map(id -> (UUID) id).distinct().toList();
    }

    /** The identifiers other systems gave these measurements of the clinic, by measurement, by system and value. */
    public Map<UUID, List<MeasurementService.Identifier>> identifiersOf(UUID clinicId,
            Collection<UUID> measurementIds) {
        if (measurementIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = getEntityManager().createNativeQuery("select measurement_id, system, value"
                + " from measurement_identifier where clinic_id = :clinic and measurement_id in (:ids)"
                + " order by system, value")
                .setParameter("clinic", clinicId).setParameter("ids", measurementIds)
                .getResultList();
        Map<UUID, List<MeasurementService.Identifier>> byMeasurement = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byMeasurement.computeIfAbsent((UUID) columns[0], id -> new ArrayList<>())
                    .add(new MeasurementService.Identifier((String) columns[1], (String) columns[2]));
        }
        return byMeasurement;
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
