package com.homeworkapi.assignment;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Optional<Assignment> findInClinic(UUID clinicId, UUID assignmentId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", assignmentId))
                .firstResultOptional();
    }

    public List<Assignment> listForClient(UUID clinicId, UUID clientId, AssignmentStatus status, PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic and clientId = :client");
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId);
        if (status != null) {
            query.append(" and terms.status = :status");
            parameters.and("status", status);
        }
        query.append(page.keysetCondition("createdAt")).append(" order by createdAt, id");
        return find(query.toString(), page.bind(parameters)).range(0, page.limit()).list();
    }

    public void addRevision(AssignmentRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<AssignmentRevision> listRevisions(UUID clinicId, UUID assignmentId, PageRequest page) {
        String query = "from AssignmentRevision where clinicId = :clinic and assignmentId = :assignment"
                + page.keysetCondition("revision") + " order by revision, id";
        Parameters parameters = page.bind(Parameters.with("clinic", clinicId).and("assignment", assignmentId),
                Integer::valueOf);
        var typed = getEntityManager().createQuery(query, AssignmentRevision.class).setMaxResults(page.limit() + 1);
        parameters.map().forEach(typed::setParameter);
        return typed.getResultList();
    }
}
