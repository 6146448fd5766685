package org.unionhub.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSecretsTests {

    @Test
    void aSecretIs144RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = AccessSecrets.generate();
            assertThat(secret).matches("[A-Za-z0-9_-]{24}");
            assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(18);
            seen.add(secret);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void onlyTheSecretItselfOpensItsHash() {
        String secret = AccessSecrets.generate();
        byte[] stored = AccessSecrets.hash(secret);
        assertThat(stored).hasSize(32);
        assertThat(AccessSecrets.opens(secret, stored)).isTrue();
        assertThat(AccessSecrets.opens(AccessSecrets.generate(), stored)).isFalse();
        char last = secret.charAt(23);
        assertThat(AccessSecrets.opens(secret.substring(0, 23) + (last == 'A' ? 'B' : 'A'), stored)).isFalse();
    }

    @Test
    void missingOrMalformedSecretsAndApplicationsWithoutOneOpenNothing() {
        String secret = AccessSecrets.generate();
        byte[] stored = AccessSecrets.hash(secret);
        assertThat(AccessSecrets.opens(null, stored)).isFalse();
        assertThat(AccessSecrets.opens("", stored)).isFalse();
        assertThat(AccessSecrets.opens(secret + "x", stored)).isFalse();
        assertThat(AccessSecrets.opens(secret.substring(1) + "/", stored)).isFalse();
        assertThat(AccessSecrets.opens(secret, null)).isFalse();
    }
}
