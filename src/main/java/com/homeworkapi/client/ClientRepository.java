package com.homeworkapi.client;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query takes the clinic: no method here can reach another tenant's rows. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    public Optional<Client> findInClinic(UUID clinicId, UUID clientId) {
        return find("clinicId = :clinic and id = :id", Parameters.with("clinic", clinicId).and("id", clientId))
                .firstResultOptional();
    }

    public List<Client> listInClinic(UUID clinicId, ClientStatus status, ClientRequest.ExternalIdentifier identifier,
            PageRequest page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Parameters parameters = Parameters.with("clinic", clinicId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (identifier != null) {
            query.append(" and id in (select c.id from Client c join c.externalIds e")
                    .append(" where e.clinicId = :clinic and e.system = :system and e.value = :value)");
            parameters.and("system", identifier.system()).and("value", identifier.value());
        }
        query.append(page.keysetCondition("createdAt")).append(" order by createdAt, id");
        return find(query.toString(), page.bind(parameters)).range(0, page.limit()).list();
    }

    /** The client in this clinic that already uses the identifier, if any. */
    public Optional<UUID> findIdByExternalId(UUID clinicId, String system, String value) {
        return getEntityManager()
                .createQuery("select c.id from Client c join c.externalIds e"
                        + " where e.clinicId = :clinic and e.system = :system and e.value = :value", UUID.class)
                .setParameter("clinic", clinicId)
                .setParameter("system", system)
                .setParameter("value", value)
                .getResultStream()
                .findFirst();
    }
}
