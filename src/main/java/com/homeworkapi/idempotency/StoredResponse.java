package com.homeworkapi.idempotency;

/** The response a key replays: status, body bytes and the headers that describe them. */
record StoredResponse(int status, byte[] body, String contentType, String location, String etag) {

    static StoredResponse from(IdempotencyRecord record) {
        return new StoredResponse(record.responseStatus, record.responseBody, record.contentType, record.location,
                record.etag);
    }
}
