package org.unionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.common.DivisionCode.Level;
import org.unionhub.common.DivisionCode.StreetKind;

class DivisionCodeTests {

    @ParameterizedTest
    @CsvSource({
        "110000, PROVINCE",
        "110100, PREFECTURE",
        "110108, DISTRICT",
        "110115, DISTRICT",
        "110108013, STREET_LEVEL",
        "110108013000, STREET_LEVEL",
        "110108013001, VILLAGE",
        "110108013200, VILLAGE"
    })
    void derivesLevelFromDigits(String raw, Level level) {
        assertThat(DivisionCode.parse(raw).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
        "110108001, STREET",
        "110108013, STREET",
        "110108099, STREET",
        "110108100, TOWN",
        "110108199, TOWN",
        "110108200, TOWNSHIP",
        "110108399, TOWNSHIP",
        "110108400, SPECIAL_AREA",
        "110115403, SPECIAL_AREA",
        "110115999, SPECIAL_AREA",
        "110108013000, STREET"
    })
    void derivesStreetKindFromStreetNumber(String raw, StreetKind kind) {
        assertThat(DivisionCode.parse(raw).streetKind()).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110000", "110100", "110108", "110108013001", "110108000"})
    void hasNoStreetKindOutsideStreetLevel(String raw) {
        assertThat(DivisionCode.parse(raw).streetKind()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"110108", "110108013", "110108013000", "110108013001"})
    void districtCodeIsTheFirstSixDigits(String raw) {
        assertThat(DivisionCode.parse(raw).districtCode()).isEqualTo("110108");
    }

    @ParameterizedTest
    @CsvSource({
        "110108013, 110108, true",
        "110108013, 110000, true",
        "110108, 110000, true",
        "110108, 110100, true",
        "110108013001, 110108013, true",
        "110108013001, 110108013000, true",
        "110108, 110108, true",
        "110108, 110108013, false",
        "110000, 110108, false",
        "110108, 110105, false",
        "120101, 110000, false",
        "110108014, 110108013, false",
        "110115403, 110108, false"
    })
    void containmentFollowsSignificantDigits(String inner, String outer, boolean within) {
        assertThat(DivisionCode.parse(inner).isWithin(DivisionCode.parse(outer))).isEqualTo(within);
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(DivisionCode.parse(" 110108 ").value()).isEqualTo("110108");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingCode(String raw) {
        assertProblem(() -> DivisionCode.parse(raw), ValueProblem.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010", "1101080", "11010801", "1101080130", "11010801300", "1101080130001"})
    void rejectsLengthsOtherThanSixNineOrTwelve(String raw) {
        assertProblem(() -> DivisionCode.parse(raw), ValueProblem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010A", "110108O13", "-11010", "110 08", "11010\uFF18"})
    void rejectsNonDigits(String raw) {
        assertProblem(() -> DivisionCode.parse(raw), ValueProblem.CHARSET);
    }

    @Test
    void constructorValidatesToo() {
        assertProblem(() -> new DivisionCode(null), ValueProblem.REQUIRED);
        assertProblem(() -> new DivisionCode(" 110108"), ValueProblem.LENGTH);
        assertProblem(() -> new DivisionCode("11010A"), ValueProblem.CHARSET);
    }

    @Test
    void toStringIsTheValue() {
        assertThat(DivisionCode.parse("110108013")).hasToString("110108013");
    }

    private static void assertProblem(Runnable action, ValueProblem expected) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problem()).isEqualTo(expected))
                .hasMessageContaining("Division code");
    }
}
