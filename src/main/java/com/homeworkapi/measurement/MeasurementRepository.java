package com.homeworkapi.measurement;

import com.homeworkapi.clinic.InstrumentUsage;
import com.homeworkapi.common.IdBatches;
import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID>, InstrumentUsage {

    public List<Measurement> listForClient(UUID clinicId, UUID clientId, String instrument, PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (instrument != null) {
            query.append(" and instrument = :instrument");
            parameters.and("instrument", instrument);
        }
        query.append(page.keysetCondition("measuredOn")).append(" order by measuredOn, id");
        return find(query.toString(), page.bind(parameters, LocalDate::parse)).range(0, page.limit()).list();
    }

    /**
     * All of a client's measurements as scoring reads them, oldest first (ties in the order
     * they were recorded). Needs a transaction or request context, like every read here.
     */
    public List<com.homeworkapi.scoring.Measurement> listForScoring(UUID clinicId, UUID clientId) {
        return listForScoring(clinicId, List.of(clientId)).get(clientId);
    }

    /**
     * {@link #listForScoring(UUID, UUID)} for many clients of one clinic in one query per
     * {@link IdBatches#SIZE} clients. Every requested client has an entry, empty if it has no
     * measurements; ids of other clinics' clients get an empty list too.
     */
    public Map<UUID, List<com.homeworkapi.scoring.Measurement>> listForScoring(UUID clinicId,
            Collection<UUID> clientIds) {
        Map<UUID, List<com.homeworkapi.scoring.Measurement>> byClient = new HashMap<>();
        clientIds.forEach(clientId -> byClient.put(clientId, new ArrayList<>()));
        for (List<UUID> batch : IdBatches.of(clientIds)) {
            getEntityManager().createQuery("""
                    select m.clientId, m.instrument, m.score, m.measuredOn from Measurement m
                    where m.clinicId = :clinic and m.clientId in :clients
                    order by m.clientId, m.measuredOn, m.recordedAt, m.id""", Object[].class)
                    .setParameter("clinic", clinicId)
                    .setParameter("clients", batch)
                    .getResultStream()
                    .forEach(row -> byClient.get((UUID) row[0]).add(new com.homeworkapi.scoring.Measurement(
                            (String) row[1], (Double) row[2], (LocalDate) row[3])));
        }
        byClient.replaceAll((clientId, measurements) -> List.copyOf(measurements));
        return byClient;
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
