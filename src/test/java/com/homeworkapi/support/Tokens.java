package com.homeworkapi.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs real tokens with the development key pair the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "https://dev.homework-api.local";
    /** The audience the test profile expects (as dev/mint-token.sh puts it in dev tokens). */
    public static final String AUDIENCE = "homework-api";
    private static final PrivateKey DEV_KEY = readDevKey();
    /** A key nobody trusts, made once: generating an RSA key costs more than a whole request. */
    private static final PrivateKey FOREIGN_KEY = generateKey();

    private Tokens() {
    }

    public static String staff(UUID clinicId, String role) {
        return claims(clinicId, role, "staff-" + UUID.randomUUID()).sign(DEV_KEY);
    }

    public static String client(UUID clinicId, UUID clientId) {
        return claims(clinicId, "client", "client-" + clientId).claim("client_id", clientId.toString()).sign(DEV_KEY);
    }

    /** A token that is valid in every way but the one a test breaks. */
    public static JwtClaimsBuilder claims(UUID clinicId, String role, String subject) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
        return clinicId == null ? claims : claims.claim("clinic_id", clinicId.toString());
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(DEV_KEY);
    }

    /** The development key, for a token the claims builder cannot make (one without iat). */
    public static PrivateKey devKey() {
        return DEV_KEY;
    }

    public static String signWithForeignKey(JwtClaimsBuilder claims) {
        return claims.sign(FOREIGN_KEY);
    }

    private static PrivateKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static PrivateKey readDevKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("dev/keys/privateKey.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
