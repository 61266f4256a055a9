package com.homeworkapi.client;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.ETags;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.common.TimeZones;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ClientService {

    @Inject
    ClientRepository clients;

    @Inject
    Caller caller;

    @Inject
    AuditDetails auditDetails;

    @Inject
    Event<ClientDataChanged> clientDataChanged;

    @Inject
    Clock clock;

    public Tagged<ClientResponse> createClient(ClientRequest request) {
        UUID clinicId = caller.clinicId();
        checkFields(request);
        requireIdentifiersFree(clinicId, null, request.externalIdsOrEmpty());
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.clinicId = clinicId;
        client.createdAt = Instants.now(clock);
        apply(request, client);
        clients.persist(client);
        clients.flush();
        clients.addTimeZone(ClientTimeZone.of(client, client.createdAt));
        clients.flush();
        clientDataChanged.fire(new ClientDataChanged(clinicId, client.id));
        return tagged(client);
    }

    public Tagged<ClientResponse> getClient(UUID clientId) {
        return tagged(findVisible(clientId));
    }

    /**
     * The zone a client lives in now, for a caller who may see the client (404 as
     * {@link #getClient} otherwise); unlike the whole client, without its zone history or identifiers.
     */
    public ZoneId timeZoneOf(UUID clientId) {
        return ZoneId.of(findVisible(clientId).timeZone);
    }

    public Page<ClientResponse> listClients(ClientStatus status, String identifier, PageRequest page) {
        List<Client> rows = clients.listInClinic(caller.clinicId(), status, parseIdentifier(identifier), page);
        Map<UUID, List<ClientTimeZone>> histories = clients.timeZoneHistories(caller.clinicId(),
                rows.stream().map(client -> client.id).toList());
        // Like a report, a page of clients is one audit event that says how many it showed.
        auditDetails.coveredClients(Math.min(rows.size(), page.limit()));
        return Page.of(rows, page, client -> client.createdAt, client -> client.id,
                client -> ClientResponse.from(client, histories.getOrDefault(client.id, List.of())));
    }

    public Tagged<ClientResponse> updateClient(UUID clientId, String ifMatch, ClientRequest request) {
        Client client = findVisible(clientId);
        ETags.requireMatch(ifMatch, client.version);
        checkFields(request);
        if (request.status() == null) {
            throw ApiProblem.invalid("status", "is required when a client is replaced");
        }
        requireIdentifiersFree(client.clinicId, client.id, request.externalIdsOrEmpty());
        boolean moved = !request.timeZone().equals(client.timeZone);
        apply(request, client);
        // The versioned update goes first, so of two racing moves the second fails as stale (412).
        clients.flush();
        if (moved) {
            // In force from today in the new zone: the weeks before keep the zone they had.
            clients.addTimeZone(ClientTimeZone.of(client, client.updatedAt));
            clients.flush();
        }
        // Scoring reads the zone history and the status: a score kept before this is stale.
        clientDataChanged.fire(new ClientDataChanged(client.clinicId, client.id));
        return tagged(client);
    }

    /**
     * The client if it is in the caller's clinic and, for a client token, is the caller;
     * anything else is answered exactly as a client that does not exist.
     */
    public Client findVisible(UUID clientId) {
        if (!caller.canSee(clientId)) {
            throw ApiProblem.notFound("client");
        }
        return clients.findInClinic(caller.clinicId(), clientId).orElseThrow(() -> ApiProblem.notFound("client"));
    }

    private void apply(ClientRequest request, Client client) {
        client.displayName = request.displayName();
        client.timeZone = request.timeZone();
        client.treatmentStartDate = request.treatmentStartDate();
        client.status = request.status() == null ? ClientStatus.ACTIVE : request.status();
        client.primaryClinicianId = request.primaryClinicianId();
        client.externalIds.clear();
        for (ClientRequest.ExternalIdentifier identifier : request.externalIdsOrEmpty()) {
            client.externalIds.add(new ExternalId(client.clinicId, identifier.system(), identifier.value()));
        }
        client.updatedAt = Instants.now(clock);
    }

    private static void checkFields(ClientRequest request) {
        TimeZones.requireIana("timeZone", request.timeZone());
        Set<ClientRequest.ExternalIdentifier> seen = new HashSet<>();
        List<ClientRequest.ExternalIdentifier> identifiers = request.externalIdsOrEmpty();
        for (int index = 0; index < identifiers.size(); index++) {
            if (!seen.add(identifiers.get(index))) {
                throw ApiProblem.invalid("externalIds[" + index + "]", "repeats an identifier already in the list");
            }
        }
    }

    private void requireIdentifiersFree(UUID clinicId, UUID ownId, List<ClientRequest.ExternalIdentifier> wanted) {
        for (int index = 0; index < wanted.size(); index++) {
            ClientRequest.ExternalIdentifier identifier = wanted.get(index);
            Optional<UUID> holder = clients.findIdByExternalId(clinicId, identifier.system(), identifier.value());
            if (holder.isPresent() && !holder.get().equals(ownId)) {
                throw ApiProblem.conflict(
                        "externalIds[" + index + "] is already used by another client of this clinic.");
            }
        }
    }

    private static ClientRequest.ExternalIdentifier parseIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        int bar = identifier.indexOf('|');
        if (bar <= 0 || bar == identifier.length() - 1) {
            throw ApiProblem.invalid("identifier", "must be written system|value");
        }
        return new ClientRequest.ExternalIdentifier(identifier.substring(0, bar), identifier.substring(bar + 1));
    }

    private Tagged<ClientResponse> tagged(Client client) {
        List<ClientTimeZone> history = clients.timeZoneHistories(client.clinicId, List.of(client.id))
                .getOrDefault(client.id, List.of());
        return new Tagged<>(ClientResponse.from(client, history), client.version);
    }
}
