package org.unionhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionCodesTests {

    @Test
    void codesAreSixCharactersWithoutLookAlikes() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = SessionCodes.next(random);
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
            assertThat(SessionCodes.normalise(code)).isEqualTo(code);
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(9_990);
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsed() {
        SplittableRandom random = new SplittableRandom(11);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            SessionCodes.next(random).chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(SessionCodes.ALPHABET.length());
    }

    @Test
    void typedCodesIgnoreCaseSpacesAndDashes() {
        assertThat(SessionCodes.normalise(" zgc-523 ")).isEqualTo("ZGC523");
        assertThat(SessionCodes.normalise("ZGC 523")).isEqualTo("ZGC523");
    }

    @Test
    void textThatCannotBeACodeIsRefused() {
        assertThat(SessionCodes.normalise(null)).isNull();
        assertThat(SessionCodes.normalise("ZGC52")).isNull();
        assertThat(SessionCodes.normalise("ZGC5230")).isNull();
        assertThat(SessionCodes.normalise("ZGC50O")).isNull();
        assertThat(SessionCodes.normalise("中关村沟通会")).isNull();
    }
}
