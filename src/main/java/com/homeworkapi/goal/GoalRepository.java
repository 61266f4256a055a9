package com.homeworkapi.goal;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    public Optional<Goal> findInClinic(UUID clinicId, UUID goalId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", goalId))
                .firstResultOptional();
    }

    public List<Goal> listForClient(UUID clinicId, UUID clientId, PageRequest page) {
        String query = "clinicId = :clinic and clientId = :client" + page.keysetCondition("createdAt")
                + " order by createdAt, id";
        return find(query, page.bind(Parameters.with("clinic", clinicId).and("client", clientId)))
                .range(0, page.limit()).list();
    }

    /**
     * The client's goals after {@code afterId} (all when null) in id order, cancelled ones left
     * out: one page of a change feed snapshot.
     */
    public List<Goal> listCurrentForSync(UUID clinicId, UUID clientId, UUID afterId, int limit) {
        return find("clinicId = :clinic and clientId = :client and status <> :cancelled"
                + (afterId == null ? "" : " and id > :after") + " order by id",
                withAfter(Parameters.with("clinic", clinicId).and("client", clientId)
                        .and("cancelled", GoalStatus.CANCELLED), afterId))
                .range(0, limit - 1).list();
    }

    public List<Goal> listByIds(UUID clinicId, UUID clientId, Collection<UUID> ids) {
        return list("clinicId = :clinic and clientId = :client and id in :ids",
                Parameters.with("clinic", clinicId).and("client", clientId).and("ids", ids));
    }

    private static Parameters withAfter(Parameters parameters, UUID afterId) {
        return afterId == null ? parameters : parameters.and("after", afterId);
    }

    /** How many of these goals belong to the client; assignments may only link their own client's goals. */
    public long countOfClient(UUID clinicId, UUID clientId, Collection<UUID> goalIds) {
        return count("clinicId = :clinic and clientId = :client and id in :ids",
                Parameters.with("clinic", clinicId).and("client", clientId).and("ids", goalIds));
    }
}
