package org.unionhub.membership.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTokensTests {

    private static final Instant SIGNED_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final CardTokens.Claims CLAIMS = new CardTokens.Claims("M0000001234", "中关村街道联合工会", SIGNED_AT);

    private final CardTokens tokens = new CardTokens(CardTokens.derive(seed(1)));

    private static byte[] seed(int fill) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) fill);
        return seed;
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aSignedTokenVerifiesToItsClaims() {
        String token = tokens.sign(CLAIMS);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).contains(CLAIMS);
    }

    @Test
    void thePayloadIsPlainJsonAndTheSignatureIsEd25519OverItsEncodedText() throws Exception {
        String token = tokens.sign(CLAIMS);
        String[] parts = token.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo(
                "{\"memberNo\":\"M0000001234\",\"unionName\":\"中关村街道联合工会\",\"issuedAt\":\"2025-03-01T08:00:00Z\"}");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(tokens.publicKey());
        verifier.update(parts[0].getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();
    }

    @Test
    void aTamperedPayloadIsInvalid() {
        String token = tokens.sign(CLAIMS);
        String forged = b64url(("{\"memberNo\":\"M0000009999\",\"unionName\":\"中关村街道联合工会\","
                + "\"issuedAt\":\"2025-03-01T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(forged + token.substring(token.indexOf('.')))).isEmpty();
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        String token = tokens.sign(CLAIMS);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(tokens.verify(altered)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        String foreign = new CardTokens(CardTokens.derive(seed(2))).sign(CLAIMS);
        assertThat(tokens.verify(foreign)).isEmpty();
        assertThat(CardTokens.verify(foreign, tokens.publicKey())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.def", "a.b.c", "eyJ.!!!", "%%%.%%%", "e30.AAAA"})
    void garbageIsInvalid(String garbage) {
        assertThat(tokens.verify(garbage)).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("a".repeat(CardTokens.MAX_TOKEN_LENGTH) + "." + "b")).isEmpty();
    }

    @Test
    void aSignedPayloadWithoutTheClaimsIsInvalid() throws Exception {
        KeyPair pair = CardTokens.derive(seed(1));
        String payload = b64url("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.US_ASCII));
        assertThat(tokens.verify(payload + "." + b64url(signer.sign()))).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameKeyPair() {
        assertThat(CardTokens.derive(seed(7)).getPublic().getEncoded())
                .isEqualTo(CardTokens.derive(seed(7)).getPublic().getEncoded())
                .isNotEqualTo(CardTokens.derive(seed(8)).getPublic().getEncoded());
    }

    @Test
    void readsAConfiguredKeyPairAndDerivesAMissingPublicKey() throws Exception {
        KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String privateKey = Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(generated.getPublic().getEncoded());
        CardTokens configured = new CardTokens(CardTokens.fromEncoded(privateKey, publicKey));
        CardTokens derived = new CardTokens(CardTokens.fromEncoded(privateKey, null));
        assertThat(derived.publicKey().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
        assertThat(CardTokens.verify(configured.sign(CLAIMS), generated.getPublic())).contains(CLAIMS);
        assertThat(configured.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n");
    }

    @Test
    void refusesAPublicKeyThatIsNotTheSigningKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        String privateKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        String otherPublic = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> CardTokens.fromEncoded(privateKey, otherPublic))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardTokens.fromEncoded("bm90IGEga2V5", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
