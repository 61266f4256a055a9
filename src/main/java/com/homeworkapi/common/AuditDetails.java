package com.homeworkapi.common;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What only a service knows about the request it serves, for the request's audit event: the
 * clients a batch touched, or how many clients a clinic report covered. The path names the
 * client of every other operation, so most services never touch this.
 */
@RequestScoped
public class AuditDetails {

    private final Set<UUID> clientIds = new LinkedHashSet<>();
    private Integer clientsCovered;

    /** The clients whose data the request read or changed, when its path does not name one. */
    public void touchedClients(Collection<UUID> clients) {
        clientIds.addAll(clients);
    }

    /** A clinic report: how many clients' rows it holds. */
    public void coveredClients(int count) {
        clientsCovered = count;
    }

    public Set<UUID> clientIds() {
        return Set.copyOf(clientIds);
    }

    public Integer clientsCovered() {
        return clientsCovered;
    }
}
