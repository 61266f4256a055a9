package com.homeworkapi.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * One time zone in a client's history, written with the create or update that set it and never
 * changed. Scoring counts each week in the zone in force then (scoring.TimeZoneHistory).
 */
@Entity
@Table(name = "client_time_zone")
@IdClass(ClientTimeZone.Key.class)
public class ClientTimeZone {

    @Id
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Id
    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    /** The version of the client row that set this zone: two racing updates cannot both add one. */
    @Id
    @Column(name = "client_version", nullable = false, updatable = false)
    public long clientVersion;

    @Column(name = "time_zone", nullable = false, updatable = false)
    public String timeZone;

    /** The date, in {@link #timeZone}, on which the change was made: from then on it is in force. */
    @Column(name = "effective_from", nullable = false, updatable = false)
    public LocalDate effectiveFrom;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    /** The zone the client row now holds, in force from today in that zone. */
    static ClientTimeZone of(Client client, Instant now) {
        ClientTimeZone entry = new ClientTimeZone();
        entry.clinicId = client.clinicId;
        entry.clientId = client.id;
        entry.clientVersion = client.version;
        entry.timeZone = client.timeZone;
        entry.effectiveFrom = LocalDate.ofInstant(now, ZoneId.of(client.timeZone));
        entry.changedAt = now;
        return entry;
    }

    /** The primary key, as JPA needs it for a key of several columns. */
    public static class Key implements Serializable {

        public UUID clinicId;
        public UUID clientId;
        public long clientVersion;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(clinicId, key.clinicId)
                    && Objects.equals(clientId, key.clientId) && clientVersion == key.clientVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, clientId, clientVersion);
        }
    }
}
