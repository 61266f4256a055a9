package com.homeworkapi.review;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
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
}
