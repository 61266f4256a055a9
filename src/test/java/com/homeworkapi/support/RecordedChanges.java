package com.homeworkapi.support;

import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.ClinicSettingsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Listens like the scoring integration will, so tests can see which changes were announced. */
@ApplicationScoped
public class RecordedChanges {

    private final Queue<ClientDataChanged> clientData = new ConcurrentLinkedQueue<>();
    private final Queue<ClinicSettingsChanged> clinicSettings = new ConcurrentLinkedQueue<>();

    void onClientData(@Observes ClientDataChanged event) {
        clientData.add(event);
    }

    void onClinicSettings(@Observes ClinicSettingsChanged event) {
        clinicSettings.add(event);
    }

    /** The announcements about the clinic's clients, in order; other tests' clinics are left out. */
    public List<ClientDataChanged> clientDataOf(UUID clinicId) {
        return clientData.stream().filter(event -> event.clinicId().equals(clinicId)).toList();
    }

    public long settingsChangesOf(UUID clinicId) {
        return clinicSettings.stream().filter(event -> event.clinicId().equals(clinicId)).count();
    }
}
