package org.unionhub.membership.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesTheWaitAfterEachFailure() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void neverWaitsLongerThanTheCapHoweverManyFailures() {
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theNextAttemptIsTheDelayAfterTheFailure() {
        Instant failed = Instant.parse("2025-03-01T08:00:00Z");
        assertThat(backoff.nextAttempt(failed, 2)).isEqualTo(Instant.parse("2025-03-01T08:00:04Z"));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
