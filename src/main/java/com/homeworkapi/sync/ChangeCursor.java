package com.homeworkapi.sync;

import java.util.UUID;

/**
 * Where a reader of one client's change feed stands. In the {@link Phase#SNAPSHOT} phase it
 * pages through the client's current rows (goals, then assignments, then attempts, each by id);
 * in the {@link Phase#CHANGES} phase it follows the change log after {@code (txid, seq)}.
 *
 * <p>A snapshot cursor carries the log position taken before the snapshot's first read, so the
 * changes phase replays everything the snapshot might have missed.
 */
record ChangeCursor(UUID clinicId, UUID clientId, Phase phase, long txid, long seq, int snapshotType,
        UUID afterId) {

    enum Phase {
        SNAPSHOT("S"), CHANGES("C");

        final String code;

        Phase(String code) {
            this.code = code;
        }

        static Phase of(String code) {
            for (Phase phase : values()) {
                if (phase.code.equals(code)) {
                    return phase;
                }
            }
            throw new IllegalArgumentException("unknown phase");
        }
    }

    static ChangeCursor snapshot(UUID clinicId, UUID clientId, long horizon, int snapshotType, UUID afterId) {
        return new ChangeCursor(clinicId, clientId, Phase.SNAPSHOT, horizon, 0, snapshotType, afterId);
    }

    /**
     * The first position of the changes phase after a snapshot begun at {@code horizon}: every
     * change of a transaction at or after that xmin, which the snapshot's reads may have missed.
     * Log sequence numbers start at 1, so seq 0 comes before all of them.
     */
    static ChangeCursor changesFrom(UUID clinicId, UUID clientId, long horizon) {
        return new ChangeCursor(clinicId, clientId, Phase.CHANGES, horizon, 0, 0, null);
    }

    static ChangeCursor changesAfter(UUID clinicId, UUID clientId, long txid, long seq) {
        return new ChangeCursor(clinicId, clientId, Phase.CHANGES, txid, seq, 0, null);
    }

    boolean belongsTo(UUID clinicId, UUID clientId) {
        return this.clinicId.equals(clinicId) && this.clientId.equals(clientId);
    }
}
