package org.unionhub.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    private static byte[] key(char c) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) c);
        return key;
    }

    private final PersonalDataCipher cipher = new PersonalDataCipher(key('a'), key('b'));

    @Test
    void decryptsWhatItEncryptsAndNeverStoresTheClearText() {
        byte[] sealed = cipher.encrypt("11010519491231002X");
        assertThat(cipher.decrypt(sealed)).isEqualTo("11010519491231002X");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("19491231");
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
    }

    @Test
    void refusesATamperedValue() {
        byte[] sealed = cipher.encrypt("13812345678");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesEqualDocumentsEquallyAndDependsOnTheKey() {
        String hash = cipher.documentHash("RESIDENT_ID", "11010519491231002X");
        assertThat(hash).hasSize(64).isEqualTo(cipher.documentHash("RESIDENT_ID", "11010519491231002X"));
        assertThat(hash).isNotEqualTo(cipher.documentHash("PASSPORT", "11010519491231002X"));
        assertThat(hash).isNotEqualTo(new PersonalDataCipher(key('a'), key('c'))
                .documentHash("RESIDENT_ID", "11010519491231002X"));
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[16], key('b')))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
