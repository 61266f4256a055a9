package com.homeworkapi.review;

import com.homeworkapi.common.IdBatches;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.scoring.ClinicianReview;
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
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    public List<Review> listForClient(UUID clinicId, UUID clientId, PageRequest page) {
        String query = "clinicId = :clinic and clientId = :client" + page.keysetCondition("weekStart")
                + " order by weekStart, id";
        return find(query, page.bind(Parameters.with("clinic", clinicId).and("client", clientId), LocalDate::parse))
                .range(0, page.limit()).list();
    }

    /**
     * A client's reviews as scoring reads them: one {@link ClinicianReview} per rated assignment,
     * by week. Needs a transaction or request context, like every read here.
     */
    public List<ClinicianReview> listForScoring(UUID clinicId, UUID clientId) {
        return listForScoring(clinicId, List.of(clientId)).get(clientId);
    }

    /**
     * {@link #listForScoring(UUID, UUID)} for many clients of one clinic in one query per
     * {@link IdBatches#SIZE} clients. Every requested client has an entry, empty if it has no
     * reviews; ids of other clinics' clients get an empty list too.
     */
    public Map<UUID, List<ClinicianReview>> listForScoring(UUID clinicId, Collection<UUID> clientIds) {
        Map<UUID, List<ClinicianReview>> byClient = new HashMap<>();
        clientIds.forEach(clientId -> byClient.put(clientId, new ArrayList<>()));
        for (List<UUID> batch : IdBatches.of(clientIds)) {
            getEntityManager().createQuery("""
                    select r.clientId, r.weekStart, i.assignmentId, i.quality from Review r join r.items i
                    where r.clinicId = :clinic and r.clientId in :clients
                    order by r.clientId, r.weekStart, r.createdAt, r.id""", Object[].class)
                    .setParameter("clinic", clinicId)
                    .setParameter("clients", batch)
                    .getResultStream()
                    .forEach(row -> byClient.get((UUID) row[0]).add(
                            new ClinicianReview((LocalDate) row[1], (UUID) row[2], (Integer) row[3])));
        }
        byClient.replaceAll((clientId, reviews) -> List.copyOf(reviews));
        return byClient;
    }
}
