package com.homeworkapi.sync;

import java.util.UUID;

/**
 * Where a reader of a clinic's whole change feed stands: after {@code (txid, seq)} in the change
 * log. It belongs to one caller of one clinic ({@code callerKey} is derived from the token's
 * {@code sub}), so neither another clinic's caller nor another caller of the same clinic can
 * continue from it, and it is never read as a cursor of one client's feed (see {@link CursorCodec}).
 */
record ClinicChangeCursor(UUID clinicId, String callerKey, long txid, long seq) {

    /** The start of the log: the clinic-wide feed has no snapshot, it replays every logged change. */
    static ClinicChangeCursor start(UUID clinicId, String callerKey) {
        return new ClinicChangeCursor(clinicId, callerKey, 0, 0);
    }

    ClinicChangeCursor after(long txid, long seq) {
        return new ClinicChangeCursor(clinicId, callerKey, txid, seq);
    }

    boolean belongsTo(UUID clinicId, String callerKey) {
        return this.clinicId.equals(clinicId) && this.callerKey.equals(callerKey);
    }
}
