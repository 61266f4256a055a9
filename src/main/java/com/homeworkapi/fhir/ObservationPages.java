package com.homeworkapi.fhir;

import com.homeworkapi.fhir.ObservationIds.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position of an Observation search that pages over three lists in turn (attempts, then
 * measurements, then weeks): the list it is in and that list's own cursor (empty at its start).
 * Each list is keyset-paged by its service, so pages stay stable while rows are added.
 */
record ObservationPages(Kind kind, String inner) {

    String encode() {
        String plain = kind.prefix + "~" + (inner == null ? "" : inner);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ObservationPages decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int tilde = plain.indexOf('~');
            String prefix = plain.substring(0, tilde);
            String inner = plain.substring(tilde + 1);
            for (Kind kind : Kind.values()) {
                if (kind.prefix.equals(prefix)) {
                    return new ObservationPages(kind, inner.isEmpty() ? null : inner);
                }
            }
        } catch (RuntimeException unreadable) {
            throw SearchParameters.unreadableCursor();
        }
        throw SearchParameters.unreadableCursor();
    }
}
