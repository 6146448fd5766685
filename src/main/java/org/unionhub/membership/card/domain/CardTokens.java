package org.unionhub.membership.card.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed e-membership card: {@code base64url(payload) "." base64url(signature)}, where the payload is the JSON
 * {@code {"memberNo":…,"unionName":…,"issuedAt":…}} and the signature is Ed25519 (RFC 8032) over the ASCII text of
 * the first part, exactly as it stands in the token (as in JWS). Anyone holding the published public key can check a
 * card offline; nothing else is needed.
 */
public final class CardTokens {

    /** What a card asserts. */
    public record Claims(String memberNo, String unionName, Instant issuedAt) {
    }

    /** Longer tokens are refused unread: a real one is about 250 characters. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /** Refuses a pair whose public key does not check what its private key signs. */
    public CardTokens(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        byte[] probe = "unionhub card key check".getBytes(StandardCharsets.US_ASCII);
        if (!verifies(publicKey, probe, signature(probe))) {
            throw new IllegalArgumentException("The public key does not belong to the signing key");
        }
    }

    /**
     * The Ed25519 key pair whose 32-byte private key (RFC 8032's seed) is {@code seed}: the same seed gives the same
     * pair on every machine.
     */
    public static KeyPair derive(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("An Ed25519 private key is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /**
     * A key pair from its encoded forms: the private key as PKCS#8 (Base64 of the DER, i.e. the body of the PEM that
     * {@code openssl genpkey -algorithm ed25519} writes), the public key as X.509 SubjectPublicKeyInfo (Base64), or
     * {@code null} to derive it from the private key.
     */
    public static KeyPair fromEncoded(String pkcs8Base64, String x509Base64) {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(base64(pkcs8Base64)));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("The signing key's bytes cannot be read"));
            PublicKey derived = derive(seed).getPublic();
            if (x509Base64 != null && !x509Base64.isBlank()) {
                PublicKey given = keys.generatePublic(new X509EncodedKeySpec(base64(x509Base64)));
                if (!Arrays.equals(given.getEncoded(), derived.getEncoded())) {
                    throw new IllegalArgumentException("The public key does not belong to the signing key");
                }
            }
            return new KeyPair(derived, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an Ed25519 key in PKCS#8 / X.509 Base64", e);
        }
    }

    public String sign(Claims claims) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("memberNo", claims.memberNo());
        payload.put("unionName", claims.unionName());
        payload.put("issuedAt", claims.issuedAt().toString());
        try {
            String signed = B64URL.encodeToString(JSON.writeValueAsBytes(payload));
            return signed + "." + B64URL.encodeToString(signature(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token this platform signed; empty for anything else (garbled, altered, another key). */
    public Optional<Claims> verify(String token) {
        return verify(token, publicKey);
    }

    public static Optional<Claims> verify(String token, PublicKey key) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String signed = token.substring(0, dot);
        try {
            byte[] signature = B64URL_DECODER.decode(token.substring(dot + 1));
            if (!verifies(key, signed.getBytes(StandardCharsets.US_ASCII), signature)) {
                return Optional.empty();
            }
            JsonNode payload = JSON.readTree(B64URL_DECODER.decode(signed));
            JsonNode memberNo = payload.path("memberNo");
            JsonNode issuedAt = payload.path("issuedAt");
            if (!memberNo.isTextual() || !issuedAt.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Claims(memberNo.asText(), payload.path("unionName").asText(""),
                    Instant.parse(issuedAt.asText())));
        } catch (IllegalArgumentException | DateTimeParseException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as Base64 of its X.509 SubjectPublicKeyInfo DER. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public key as PEM, as {@code openssl pkeyutl -verify -pubin -inkey} reads it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + publicKeyBase64() + "\n-----END PUBLIC KEY-----\n";
    }

    private byte[] signature(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text.strip());
    }
}
