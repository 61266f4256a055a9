package com.homeworkapi.client;

import com.homeworkapi.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public void addTimeZone(ClientTimeZone entry) {
        getEntityManager().persist(entry);
    }

    /** The time zone histories of these clients of the clinic, each oldest first; one query for a page. */
    public Map<UUID, List<ClientTimeZone>> timeZoneHistories(UUID clinicId, Collection<UUID> clientIds) {
        Map<UUID, List<ClientTimeZone>> byClient = new LinkedHashMap<>();
        if (clientIds.isEmpty()) {
            return byClient;
        }
        getEntityManager()
                .createQuery("from ClientTimeZone where clinicId = :clinic and clientId in :clients"
                        + " order by clientId, clientVersion", ClientTimeZone.class)
                .setParameter("clinic", clinicId)
                .setParameter("clients", clientIds)
                .getResultStream()
                .forEach(entry -> byClient.computeIfAbsent(entry.clientId, id -> new ArrayList<>()).add(entry));
        return byClient;
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
