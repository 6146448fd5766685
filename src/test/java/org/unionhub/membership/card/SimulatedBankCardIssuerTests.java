package org.unionhub.membership.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.card.domain.CardNumbers;

class SimulatedBankCardIssuerTests {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CardApplication APPLICATION = new CardApplication(1234, "M0000001234", "张三");

    private static SimulatedBankCardIssuer bank(Instant failUntil, int failNext) {
        return new SimulatedBankCardIssuer(new CardProperties(null, null, new CardProperties.Worker(20),
                new CardProperties.Retry(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new CardProperties.SimulatedBank(Duration.ZERO, failUntil, failNext)), CLOCK);
    }

    @Test
    void issuesALuhnValidNumberWithTheBankPrefixAndTheSameOneForTheSameRequest() {
        SimulatedBankCardIssuer bank = bank(null, 0);
        String number = bank.issue(APPLICATION);
        assertThat(number).isEqualTo(CardNumbers.issue("62148800", 1234, 16));
        assertThat(CardNumbers.isValid(number)).isTrue();
        assertThat(bank.issue(APPLICATION)).isEqualTo(number);
        assertThat(bank.issue(new CardApplication(1235, "M0000001235", "李四"))).isNotEqualTo(number);
        assertThat(bank.callsFor("M0000001234")).isEqualTo(2);
    }

    @Test
    void isDownUntilTheConfiguredInstant() {
        assertThatThrownBy(() -> bank(NOW.plusSeconds(1), 0).issue(APPLICATION))
                .isInstanceOf(CardIssuingException.class);
        assertThat(bank(NOW, 0).issue(APPLICATION)).isNotBlank();
    }

    @Test
    void failsTheConfiguredNumberOfCallsThenAnswers() {
        SimulatedBankCardIssuer bank = bank(null, 2);
        assertThatThrownBy(() -> bank.issue(APPLICATION)).isInstanceOf(CardIssuingException.class);
        assertThatThrownBy(() -> bank.issue(APPLICATION)).isInstanceOf(CardIssuingException.class);
        assertThat(bank.issue(APPLICATION)).isNotBlank();
        assertThat(bank.callsFor(APPLICATION.memberNo())).isEqualTo(3);
    }

    @Test
    void canBeToldToFailOneApplicantsNextCalls() {
        SimulatedBankCardIssuer bank = bank(null, 0);
        bank.failNextCallsFor("张三", 1);
        assertThat(bank.issue(new CardApplication(1, "M0000000001", "李四"))).isNotBlank();
        assertThatThrownBy(() -> bank.issue(APPLICATION)).isInstanceOf(CardIssuingException.class);
        assertThat(bank.issue(APPLICATION)).isNotBlank();
    }
}
