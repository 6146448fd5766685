package org.unionhub.membership.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTests {

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", "4111111111111111", "5555555555554444", "6214830000000009",
        "378282246310005"})
    void computesTheLuhnCheckDigitOfKnownNumbers(String number) {
        assertThat(CardNumbers.checkDigit(number.substring(0, number.length() - 1)))
                .isEqualTo(number.charAt(number.length() - 1));
    }

    @Test
    void acceptsValidNumbersAndRefusesAChangedDigitOrASwap() {
        assertThat(CardNumbers.isValid("4111111111111111")).isTrue();
        assertThat(CardNumbers.isValid("4111111111111112")).isFalse();
        assertThat(CardNumbers.isValid("4111111111111121")).isFalse();
        assertThat(CardNumbers.isValid("1411111111111111")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "4111 1111 1111 1111", "411111111111111a", "41111111111111111111"})
    void refusesWhatIsNotACardNumber(String text) {
        assertThat(CardNumbers.isValid(text)).isFalse();
        assertThat(CardNumbers.isValid(null)).isFalse();
    }

    @Test
    void issuesSixteenDigitsAfterThePrefixWithTheSerialPaddedAndAValidCheckDigit() {
        String number = CardNumbers.issue("62148800", 42, 16);
        assertThat(number).hasSize(16).startsWith("621488000000042");
        assertThat(CardNumbers.isValid(number)).isTrue();
        assertThat(CardNumbers.issue("62148800", 9_999_999, 16)).startsWith("621488009999999");
        assertThat(CardNumbers.issue("62148800", 42, 16)).isEqualTo(number);
    }

    @Test
    void refusesASerialThatDoesNotFit() {
        assertThatThrownBy(() -> CardNumbers.issue("62148800", 10_000_000, 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardNumbers.issue("62148800", -1, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksAllButTheLastFourDigits() {
        String number = CardNumbers.issue("62148800", 1234, 16);
        assertThat(CardNumbers.masked(CardNumbers.lastFour(number)))
                .isEqualTo("**** **** **** " + number.substring(12)).doesNotContain("6214");
    }
}
