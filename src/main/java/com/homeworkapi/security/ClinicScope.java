package com.homeworkapi.security;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The clinic the work on this thread is done for: in a request the caller's, from its token;
 * in background work the one it names with {@link #call}. Every database transaction is scoped to
 * it by {@link ClinicTransactions}, and row-level security shows a transaction nothing else.
 */
@ApplicationScoped
public class ClinicScope {

    private static final ThreadLocal<UUID> NAMED = new ThreadLocal<>();

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    /**
     * Runs work for one clinic: every transaction it begins sees that clinic's rows only.
     * Background work that visits several clinics does each one's share this way.
     */
    public <T> T call(UUID clinicId, Supplier<T> work) {
        UUID outer = NAMED.get();
        NAMED.set(clinicId);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                NAMED.remove();
            } else {
                NAMED.set(outer);
            }
        }
    }

    public void run(UUID clinicId, Runnable work) {
        call(clinicId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work once for every clinic that has data (V10's {@code clinic} table), each in that
     * clinic's scope: background work is held to one clinic at a time as requests are, so a query
     * that forgets its clinic cannot mix clinics there either, and no role bypasses the policies.
     */
    public void forEachClinic(Consumer<UUID> work) {
        @SuppressWarnings("unchecked")
        List<UUID> clinics = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select clinic_id from clinic order by clinic_id").getResultList());
        for (UUID clinicId : clinics) {
            run(clinicId, () -> work.accept(clinicId));
        }
    }

    /** The clinic named for this thread, else the requesting token's; empty outside both. */
    public Optional<UUID> current() {
        UUID named = NAMED.get();
        if (named != null) {
            return Optional.of(named);
        }
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return caller.tokenClinicId();
    }
}
