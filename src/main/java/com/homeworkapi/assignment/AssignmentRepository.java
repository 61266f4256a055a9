package com.homeworkapi.assignment;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Optional<Assignment> findInClinic(UUID clinicId, UUID assignmentId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", assignmentId))
                .firstResultOptional();
    }

    /** The owners of those of the assignments that are in the clinic; plain JDBC, as attempts ask on every upload. */
    public List<AssignmentOwner> ownersInClinic(UUID clinicId, Collection<UUID> assignmentIds) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, client_id from assignment where clinic_id = ? and id = any (?)")) {
                select.setObject(1, clinicId);
                select.setArray(2, connection.createArrayOf("uuid", assignmentIds.toArray()));
                List<AssignmentOwner> owners = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        owners.add(new AssignmentOwner(rows.getObject(1, UUID.class), clinicId,
                                rows.getObject(2, UUID.class)));
                    }
                }
                return owners;
            }
        });
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

    /**
     * The client's assignments after {@code afterId} (all when null) in id order, cancelled ones
     * left out: one page of a change feed snapshot.
     */
    public List<Assignment> listCurrentForSync(UUID clinicId, UUID clientId, UUID afterId, int limit) {
        Parameters parameters = Parameters.with("clinic", clinicId).and("client", clientId)
                .and("cancelled", AssignmentStatus.CANCELLED);
        if (afterId != null) {
            parameters.and("after", afterId);
        }
        return find("clinicId = :clinic and clientId = :client and terms.status <> :cancelled"
                + (afterId == null ? "" : " and id > :after") + " order by id", parameters)
                .range(0, limit - 1).list();
    }

    /** The clinic's assignments with these ids, whichever clients they belong to (the clinic-wide change feed). */
    public List<Assignment> listByIdsInClinic(UUID clinicId, Collection<UUID> ids) {
        return list("clinicId = :clinic and id in :ids", Parameters.with("clinic", clinicId).and("ids", ids));
    }

    /** Which of these assignments belong to the client; a review may only rate its own client's homework. */
    public List<UUID> idsOfClient(UUID clinicId, UUID clientId, Collection<UUID> assignmentIds) {
        return getEntityManager().createQuery("select a.id from Assignment a"
                + " where a.clinicId = :clinic and a.clientId = :client and a.id in :ids", UUID.class)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("ids", assignmentIds)
                .getResultList();
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
