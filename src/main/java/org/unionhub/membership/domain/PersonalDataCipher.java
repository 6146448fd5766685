package org.unionhub.membership.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data at rest: AES-256-GCM for document numbers and phones (a fresh 96-bit nonce per value, stored in front
 * of the ciphertext), and HMAC-SHA-256 with a separate key for the lookup hash, so that "is this person already a
 * member" never needs the number in clear. Keys come from configuration.
 */
public final class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 32 || hashKey.length < 32) {
            throw new IllegalArgumentException("Need a 32-byte encryption key and a hash key of at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    }

    public byte[] encrypt(String clear) {
        return encrypt(clear.getBytes(StandardCharsets.UTF_8));
    }

    /** Encrypts bytes (a chunk of an uploaded file): the nonce, then the ciphertext and its tag. */
    public byte[] encrypt(byte[] clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(byte[] stored) {
        return new String(decryptBytes(stored), StandardCharsets.UTF_8);
    }

    public byte[] decryptBytes(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored personal data cannot be decrypted with the configured key", e);
        }
    }

    /** The keyed hash of a document: type and normalised number, so that equal documents hash equal. */
    public String documentHash(String idType, String normalisedNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal((idType + ":" + normalisedNumber).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
