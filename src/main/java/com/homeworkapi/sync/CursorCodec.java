package com.homeworkapi.sync;

import com.homeworkapi.common.ApiProblem;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns feed cursors into opaque strings and back. A cursor is signed (HMAC-SHA256 with
 * {@code SYNC_CURSOR_KEY}) over everything it says, the clinic and client included, so
 * a caller can neither forge a position nor replay one cursor in another client's feed.
 *
 * <p>The two feeds' cursors start with different tags ({@code 1} for one client's, {@code W1}
 * for the clinic-wide feed) under the same signature, so one is never read as the other. A
 * clinic-wide cursor also names its caller (a hash of the token's {@code sub}): it can only be
 * continued by the caller it was issued to.
 */
// Created at startup, so a missing or short key stops the service rather than its first sync.
@Startup
@Singleton
class CursorCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "1";
    private static final String CLINIC_VERSION = "W1";
    private static final int MIN_KEY_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    CursorCodec(SyncConfig config) {
        byte[] secret = config.cursorKey().orElse("").getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_KEY_LENGTH) {
            throw new IllegalStateException("Set SYNC_CURSOR_KEY to a secret of at least " + MIN_KEY_LENGTH
                    + " bytes, the same on every instance: it signs the change feed's cursors (see the README)");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String encode(ChangeCursor cursor) {
        String payload = String.join("|", VERSION, cursor.phase().code, cursor.clinicId().toString(),
                cursor.clientId().toString(), Long.toString(cursor.txid()), Long.toString(cursor.seq()),
                Integer.toString(cursor.snapshotType()), cursor.afterId() == null ? "" : cursor.afterId().toString());
        return signed(payload);
    }

    /** The cursor if this API issued it for exactly this clinic and client; 400 naming cursor otherwise. */
    ChangeCursor decode(String text, UUID clinicId, UUID clientId) {
        ChangeCursor cursor;
        try {
            String[] fields = signedFields(text);
            if (fields.length != 8 || !VERSION.equals(fields[0])) {
                throw invalid();
            }
            cursor = new ChangeCursor(UUID.fromString(fields[2]), UUID.fromString(fields[3]),
                    ChangeCursor.Phase.of(fields[1]), Long.parseLong(fields[4]), Long.parseLong(fields[5]),
                    Integer.parseInt(fields[6]), fields[7].isEmpty() ? null : UUID.fromString(fields[7]));
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException unreadable) {
            throw invalid();
        }
        if (!cursor.belongsTo(clinicId, clientId)) {
            throw invalid();
        }
        return cursor;
    }

    String encode(ClinicChangeCursor cursor) {
        String payload = String.join("|", CLINIC_VERSION, cursor.clinicId().toString(), cursor.callerKey(),
                Long.toString(cursor.txid()), Long.toString(cursor.seq()));
        return signed(payload);
    }

    /** The payload and its signature, each in URL-safe base64, joined by a dot. */
    private String signed(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The clinic-wide cursor if this API issued it to this caller of this clinic; 400 naming cursor otherwise. */
    ClinicChangeCursor decodeClinic(String text, UUID clinicId, String callerKey) {
        ClinicChangeCursor cursor;
        try {
            String[] fields = signedFields(text);
            if (fields.length != 5 || !CLINIC_VERSION.equals(fields[0])) {
                throw invalidClinic();
            }
            cursor = new ClinicChangeCursor(UUID.fromString(fields[1]), fields[2], Long.parseLong(fields[3]),
                    Long.parseLong(fields[4]));
        } catch (ApiProblem problem) {
            throw invalidClinic();
        } catch (RuntimeException unreadable) {
            throw invalidClinic();
        }
        if (!cursor.belongsTo(clinicId, callerKey)) {
            throw invalidClinic();
        }
        return cursor;
    }

    /**
     * What a clinic-wide cursor says about its caller: a hash of the token's subject, so the
     * cursor, readable by whoever holds it, does not spell the subject out.
     */
    static String callerKey(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(hash);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The payload's fields when the signature holds; an ApiProblem (or another runtime exception) otherwise. */
    private String[] signedFields(String text) {
        int dot = text.indexOf('.');
        byte[] payload = DECODER.decode(text.substring(0, dot));
        byte[] signature = DECODER.decode(text.substring(dot + 1));
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw invalid();
        }
        return new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this API issued for this client's changes");
    }

    private static ApiProblem invalidClinic() {
        return ApiProblem.invalid("cursor", "is not a cursor this API issued to this caller for its clinic's changes");
    }
}
