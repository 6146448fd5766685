package org.unionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @ParameterizedTest
    @ValueSource(strings = {"91310110666007217T", "1310000000001711X7"})
    void acceptsKnownGoodCodes(String raw) {
        CreditCode code = CreditCode.parse(raw);

        assertThat(code.value()).isEqualTo(raw);
        assertThat(code.hasValidCheckCharacter()).isTrue();
    }

    @Test
    void trimsAndUpperCases() {
        assertThat(CreditCode.parse("  91310110666007217t ").value()).isEqualTo("91310110666007217T");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingCode(String raw) {
        assertProblem(() -> CreditCode.parse(raw), ValueProblem.REQUIRED);
        assertProblem(() -> CreditCode.parseAllowingBadCheck(raw), ValueProblem.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9131011066600721", "91310110666007217", "91310110666007217T0", "91310110666007217TT"})
    void rejectsWrongLength(String raw) {
        assertProblem(() -> CreditCode.parse(raw), ValueProblem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', '-', ' '})
    void rejectsCharactersOutsideTheCharset(char bad) {
        String raw = "9131" + bad + "110666007217T";

        assertProblem(() -> CreditCode.parse(raw), ValueProblem.CHARSET);
        assertProblem(() -> CreditCode.parseAllowingBadCheck(raw), ValueProblem.CHARSET);
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertProblem(() -> CreditCode.parse("91310110666007217U"), ValueProblem.CHECK_CHARACTER);
    }

    @Test
    void rejectsEveryCheckCharacterButTheRightOne() {
        String first17 = "1310000000001711X";
        for (char candidate : CHARSET.toCharArray()) {
            String raw = first17 + candidate;
            if (candidate == '7') {
                assertThat(CreditCode.parse(raw).value()).isEqualTo(raw);
            } else {
                assertProblem(() -> CreditCode.parse(raw), ValueProblem.CHECK_CHARACTER);
            }
        }
    }

    @Test
    void acceptsWrongCheckCharacterWhenStaffConfirmed() {
        CreditCode code = CreditCode.parseAllowingBadCheck(" 91310110666007217u");

        assertThat(code.value()).isEqualTo("91310110666007217U");
        assertThat(code.hasValidCheckCharacter()).isFalse();
    }

    @Test
    void parseAllowingBadCheckStillRejectsWrongLength() {
        assertProblem(() -> CreditCode.parseAllowingBadCheck("9131011066600721"), ValueProblem.LENGTH);
    }

    @Test
    void computesCheckCharacterOfKnownGoodCodes() {
        assertThat(CreditCode.checkCharacterFor("91310110666007217")).isEqualTo('T');
        assertThat(CreditCode.checkCharacterFor("1310000000001711X")).isEqualTo('7');
    }

    @Test
    void generatedCodesParse() {
        for (String first17 : new String[] {"81110108MA0000001", "82110000MA01ABCDE", "Y1110105000000000"}) {
            String raw = first17 + CreditCode.checkCharacterFor(first17);

            assertThat(CreditCode.parse(raw).hasValidCheckCharacter()).isTrue();
        }
    }

    @Test
    void checkCharacterForRejectsBadInput() {
        assertProblem(() -> CreditCode.checkCharacterFor(null), ValueProblem.REQUIRED);
        assertProblem(() -> CreditCode.checkCharacterFor("9131011066600721"), ValueProblem.LENGTH);
        assertProblem(() -> CreditCode.checkCharacterFor("91310110666007217T"), ValueProblem.LENGTH);
        assertProblem(() -> CreditCode.checkCharacterFor("9131011066600721O"), ValueProblem.CHARSET);
        assertProblem(() -> CreditCode.checkCharacterFor("9131011066600721a"), ValueProblem.CHARSET);
    }

    @Test
    void constructorEnforcesShapeButNotCheckCharacter() {
        assertProblem(() -> new CreditCode(null), ValueProblem.REQUIRED);
        assertProblem(() -> new CreditCode("9131011066600721"), ValueProblem.LENGTH);
        assertProblem(() -> new CreditCode("91310110666007217t"), ValueProblem.CHARSET);
        assertThat(new CreditCode("91310110666007217U").hasValidCheckCharacter()).isFalse();
    }

    @Test
    void recognisesGrassrootsUnion() {
        String first17 = "81110108MA0000001";
        CreditCode code = CreditCode.parse(first17 + CreditCode.checkCharacterFor(first17));

        assertThat(code.isTradeUnion()).isTrue();
        assertThat(code.isGrassrootsUnion()).isTrue();
        assertThat(code.divisionCode()).isEqualTo("110108");
    }

    @Test
    void recognisesTradeUnionThatIsNotGrassroots() {
        String first17 = "82110000MA01ABCDE";
        CreditCode code = CreditCode.parse(first17 + CreditCode.checkCharacterFor(first17));

        assertThat(code.isTradeUnion()).isTrue();
        assertThat(code.isGrassrootsUnion()).isFalse();
    }

    @Test
    void enterpriseAndGovernmentCodesAreNotTradeUnions() {
        CreditCode enterprise = CreditCode.parse("91310110666007217T");
        CreditCode acftu = CreditCode.parse("1310000000001711X7");

        assertThat(enterprise.isTradeUnion()).isFalse();
        assertThat(enterprise.isGrassrootsUnion()).isFalse();
        assertThat(acftu.isTradeUnion()).isFalse();
    }

    @Test
    void exposesDivisionCodeOfRegisteringAuthority() {
        assertThat(CreditCode.parse("91310110666007217T").divisionCode()).isEqualTo("310110");
        assertThat(CreditCode.parse("1310000000001711X7").divisionCode()).isEqualTo("100000");
    }

    @Test
    void toStringIsTheValue() {
        assertThat(CreditCode.parse("91310110666007217T")).hasToString("91310110666007217T");
    }

    @Test
    void equalCodesAreEqual() {
        assertThat(CreditCode.parse("91310110666007217t")).isEqualTo(CreditCode.parse("91310110666007217T"));
    }

    private static void assertProblem(Runnable action, ValueProblem expected) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problem()).isEqualTo(expected))
                .hasMessageContaining("credit code");
    }
}
