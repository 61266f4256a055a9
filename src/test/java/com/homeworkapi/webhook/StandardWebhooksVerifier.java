package com.homeworkapi.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification as the Standard Webhooks specification describes it, written here
 * from the specification and not from the service's code: the key is the base64 after
 * {@code whsec_}, the signed content {@code msg_id.timestamp.payload}, each space-separated entry
 * of {@code webhook-signature} is {@code v1,<base64 HMAC-SHA256>}, and one match is enough.
 */
final class StandardWebhooksVerifier {

    private final byte[] key;

    StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a Standard Webhooks secret");
        }
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    boolean verifies(String msgId, String timestamp, byte[] payload, String signatureHeader) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signed = (msgId + "." + timestamp + "." + new String(payload, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        byte[] expected = hmac.doFinal(signed);
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given = Base64.getDecoder().decode(entry.substring(comma + 1));
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }
}
