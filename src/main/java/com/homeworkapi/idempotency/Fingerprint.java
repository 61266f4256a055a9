package com.homeworkapi.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What makes two requests "the same" for a key: method, path (with query) and the SHA-256 of
 * the body bytes as sent. Bytes rather than parsed JSON, because a retry resends exactly what
 * it sent before; the draft leaves the choice to the server.
 */
record Fingerprint(String method, String path, byte[] bodySha256) {

    static Fingerprint of(String method, String path, byte[] body) {
        try {
            return new Fingerprint(method, path, MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    boolean matches(IdempotencyRecord record) {
        return method.equals(record.requestMethod) && path.equals(record.requestPath)
                && MessageDigest.isEqual(bodySha256, record.requestSha256);
    }
}
