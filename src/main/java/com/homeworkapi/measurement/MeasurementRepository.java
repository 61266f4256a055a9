package com.homeworkapi.measurement;

import com.homeworkapi.clinic.InstrumentUsage;
import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
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
