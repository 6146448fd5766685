package org.unionhub.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentPasswordChecksTests {

    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU";
    private static final Duration TTL = Duration.ofMinutes(5);

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-11-22T04:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final Hands clock = new Hands();
    private final RecentPasswordChecks checks = new RecentPasswordChecks(TTL, 3, clock);

    @Test
    void matchesTheRememberedPasswordOfThatAccountOnly() {
        checks.remember(1, HASH, "Demo@2023");

        assertThat(checks.matches(1, HASH, "Demo@2023")).isTrue();
        assertThat(checks.matches(1, HASH, "Demo@2024")).isFalse();
        assertThat(checks.matches(1, HASH, "Demo@2023 ")).isFalse();
        assertThat(checks.matches(2, HASH, "Demo@2023")).isFalse();
    }

    @Test
    void aChangedStoredHashNoLongerMatches() {
        checks.remember(1, HASH, "Demo@2023");

        assertThat(checks.matches(1, HASH.replace("abc", "abd"), "Demo@2023")).isFalse();
    }

    @Test
    void theBoundariesBetweenHashAndPasswordCannotBeShifted() {
        checks.remember(1, HASH, "x");

        assertThat(checks.matches(1, HASH + "\0x", "")).isFalse();
        assertThat(checks.matches(11, HASH, "x")).isFalse();
    }

    @Test
    void anEntryExpiresTtlAfterTheCheckEvenWhenUsed() {
        checks.remember(1, HASH, "Demo@2023");
        clock.advance(TTL.minusSeconds(1));
        assertThat(checks.matches(1, HASH, "Demo@2023")).isTrue();

        clock.advance(Duration.ofSeconds(1));

        assertThat(checks.matches(1, HASH, "Demo@2023")).isFalse();
        assertThat(checks.size()).isZero();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        RecentPasswordChecks off = new RecentPasswordChecks(Duration.ZERO, 3, clock);
        off.remember(1, HASH, "Demo@2023");

        assertThat(off.matches(1, HASH, "Demo@2023")).isFalse();
    }

    @Test
    void keepsAtMostCapacityAccountsMakingRoomOnlyFromExpiredOnes() {
        for (long account = 1; account <= 3; account++) {
            checks.remember(account, HASH, "Demo@2023");
        }
        checks.remember(4, HASH, "Demo@2023");
        assertThat(checks.size()).isEqualTo(3);
        assertThat(checks.matches(4, HASH, "Demo@2023")).isFalse();
        assertThat(checks.matches(1, HASH, "Demo@2023")).isTrue();

        clock.advance(TTL);
        checks.remember(4, HASH, "Demo@2023");

        assertThat(checks.size()).isEqualTo(1);
        assertThat(checks.matches(4, HASH, "Demo@2023")).isTrue();
    }

    @Test
    void refusesANegativeTtlOrNoCapacity() {
        assertThatThrownBy(() -> new RecentPasswordChecks(Duration.ofSeconds(-1), 3, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentPasswordChecks(TTL, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
