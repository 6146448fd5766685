package org.unionhub.membership.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The access secret of an application: 144 random bits, written as 24 Base64url characters, handed to whoever
 * submitted it and needed, beside the (sequential, guessable) application number, to open the worker's status page
 * and e-card. Only its SHA-256 is compared against: a plain hash suffices because the secret is random and long
 * enough that guessing it is hopeless, unlike a password.
 */
public final class AccessSecrets {

    public static final int RANDOM_BYTES = 18;
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{24}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Whether {@code secret} is the one whose hash is {@code storedHash}; false for a missing or malformed secret and
     * for an application that has no secret (stored before secrets existed).
     */
    public static boolean opens(String secret, byte[] storedHash) {
        if (secret == null || storedHash == null || !FORMAT.matcher(secret).matches()) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret), storedHash);
    }
}
