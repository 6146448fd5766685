package org.unionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTests {

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.50",
        "1.50, 1.50",
        "1.500, 1.50",
        "7, 7.00",
        "0, 0.00",
        "-20, -20.00",
        "+3.1, 3.10",
        "' 1234.5 ', 1234.50",
        "00012.30, 12.30"
    })
    void parsesPlainDecimalsToTwoPlaces(String raw, String expected) {
        Money money = Money.of(raw);

        assertThat(money).hasToString(expected);
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.005", "0.001", "-3.141"})
    void rejectsMoreThanTwoDecimals(String raw) {
        assertProblem(() -> Money.of(raw), ValueProblem.SCALE);
        assertProblem(() -> Money.of(new BigDecimal(raw)), ValueProblem.SCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,234.50", "1e3", "12.", ".5", "¥12", "--1", "1.2.3", "NaN"})
    void rejectsNonNumbers(String raw) {
        assertProblem(() -> Money.of(raw), ValueProblem.FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsMissingText(String raw) {
        assertProblem(() -> Money.of(raw), ValueProblem.REQUIRED);
    }

    @Test
    void rejectsMissingAmount() {
        assertProblem(() -> Money.of((BigDecimal) null), ValueProblem.REQUIRED);
        assertProblem(() -> new Money(null), ValueProblem.REQUIRED);
        assertProblem(() -> Money.rounded(null, RoundingMode.HALF_UP), ValueProblem.REQUIRED);
    }

    @Test
    void constructorRejectsMoreThanTwoDecimals() {
        assertProblem(() -> new Money(new BigDecimal("1.005")), ValueProblem.SCALE);
    }

    @Test
    void amountsWithDifferentScalesAreEqual() {
        assertThat(Money.of("1.5")).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("1.5")).hasSameHashCodeAs(Money.of("1.50"));
        assertThat(Money.of(new BigDecimal("1E+2"))).isEqualTo(Money.of("100"));
        assertThat(new Money(new BigDecimal("2.000"))).isEqualTo(Money.of("2"));
    }

    @Test
    void differentAmountsAreNotEqual() {
        assertThat(Money.of("1.50")).isNotEqualTo(Money.of("1.51"));
    }

    @Test
    void toStringIsPlain() {
        assertThat(Money.of(new BigDecimal("1E+7"))).hasToString("10000000.00");
        assertThat(Money.ZERO).hasToString("0.00");
    }

    @Test
    void addsAndSubtracts() {
        Money a = Money.of("1234.50");
        Money b = Money.of("0.75");

        assertThat(a.plus(b)).isEqualTo(Money.of("1235.25"));
        assertThat(a.minus(b)).isEqualTo(Money.of("1233.75"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-1233.75"));
        assertThat(a.plus(Money.ZERO)).isEqualTo(a);
    }

    @Test
    void decimalFractionsAddExactly() {
        assertThat(Money.of("0.1").plus(Money.of("0.2"))).isEqualTo(Money.of("0.3"));
    }

    @Test
    void negates() {
        assertThat(Money.of("5").negate()).isEqualTo(Money.of("-5.00"));
        assertThat(Money.of("-5").negate()).isEqualTo(Money.of("5"));
        assertThat(Money.ZERO.negate()).isEqualTo(Money.ZERO);
    }

    @Test
    void reportsSign() {
        assertThat(Money.of("-0.01").isNegative()).isTrue();
        assertThat(Money.of("0.01").isNegative()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.of("0.00").isZero()).isTrue();
        assertThat(Money.of("0.01").isZero()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0.05, 0.5, HALF_UP, 0.03",
        "0.05, 0.5, HALF_EVEN, 0.02",
        "0.05, 0.5, DOWN, 0.02",
        "0.05, 0.5, CEILING, 0.03",
        "10.00, 0.333, HALF_UP, 3.33",
        "3000.00, 0.02, HALF_UP, 60.00",
        "-0.05, 0.5, HALF_UP, -0.03",
        "12.34, 3, UNNECESSARY, 37.02"
    })
    void multipliesWithTheGivenRoundingMode(String amount, String factor, RoundingMode mode, String expected) {
        assertThat(Money.of(amount).times(new BigDecimal(factor), mode)).isEqualTo(Money.of(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "1.005, HALF_UP, 1.01",
        "1.005, HALF_EVEN, 1.00",
        "1.005, FLOOR, 1.00",
        "-1.005, FLOOR, -1.01",
        "2.5, HALF_UP, 2.50"
    })
    void roundsComputedAmounts(String amount, RoundingMode mode, String expected) {
        assertThat(Money.rounded(new BigDecimal(amount), mode)).isEqualTo(Money.of(expected));
    }

    @Test
    void roundingThatTheModeForbidsIsAScaleProblem() {
        assertProblem(() -> Money.rounded(new BigDecimal("1.005"), RoundingMode.UNNECESSARY), ValueProblem.SCALE);
        assertProblem(() -> Money.of("1.00").times(new BigDecimal("0.333"), RoundingMode.UNNECESSARY),
                ValueProblem.SCALE);
    }

    @Test
    void ordersByAmountRegardlessOfScale() {
        List<Money> sorted = List.of(Money.of("10"), Money.of("-1"), Money.of("2.5"), Money.ZERO).stream()
                .sorted()
                .toList();

        assertThat(sorted).containsExactly(Money.of("-1"), Money.ZERO, Money.of("2.5"), Money.of("10"));
        assertThat(Money.of("1.5").compareTo(Money.of("1.50"))).isZero();
        assertThat(Money.of("1.49")).isLessThan(Money.of("1.5"));
    }

    private static void assertProblem(Runnable action, ValueProblem expected) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problem()).isEqualTo(expected))
                .hasMessageContaining("Money amount");
    }
}
