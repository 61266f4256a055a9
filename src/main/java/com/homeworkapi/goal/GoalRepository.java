package com.homeworkapi.goal;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    public Optional<Goal> findInClinic(UUID clinicId, UUID goalId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", goalId))
                .firstResultOptional();
    }

    public List<Goal> listForClient(UUID clinicId, UUID clientId, PageRequest page) {
        return listForClient(clinicId, clientId, null, null, null, page);
    }

    /**
     * As above, of these statuses (any when null) and last updated in [updatedFrom,
     * updatedBefore) (either bound open when null).
     */
    public List<Goal> listForClient(UUID clinicId, UUID clientId, Set<GoalStatus> statuses, Instant updatedFrom,
            Instant updatedBefore, PageRequest page) {
        if (statuses != null && statuses.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (statuses != null) {
            query.append(" and status in :statuses");
            parameters.and("statuses", statuses);
        }
        if (updatedFrom != null) {
            query.append(" and updatedAt >= :updatedFrom");
            parameters.and("updatedFrom", updatedFrom);
        }
        if (updatedBefore != null) {
            query.append(" and updatedAt < :updatedBefore");
            parameters.and("updatedBefore", updatedBefore);
        }
        query.append(page.keysetCondition("createdAt")).append(" order by createdAt, id");
        return find(query.toString(), page.bind(parameters)).range(0, page.limit()).list();
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

    /** The clinic's goals with these ids, whichever clients they belong to (the clinic-wide change feed). */
    public List<Goal> listByIdsInClinic(UUID clinicId, Collection<UUID> ids) {
        return list("clinicId = :clinic and id in :ids", Parameters.with("clinic", clinicId).and("ids", ids));
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
