package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionhub.common.Money;
import org.unionhub.station.StationStatus;

class FundingRulesTests {

    @Test
    void aGrantFitsWhileCommittedPlusGrantStaysWithinTheBudget() {
        GrantBudget budget = new GrantBudget(Money.of("10000.00"), Money.of("8000.00"));
        assertThat(budget.allows(Money.of("2000.00"))).isTrue();
        assertThat(budget.allows(Money.of("2000.01"))).isFalse();
        assertThat(budget.remaining()).isEqualTo(Money.of("2000"));
    }

    @Test
    void noBudgetAllowsNoGrant() {
        assertThat(new GrantBudget(Money.ZERO, Money.ZERO).allows(Money.of("0.01"))).isFalse();
    }

    @Test
    void aStationIsBuiltBeforeItIsAcceptedAndNothingFollowsClosing() {
        assertThat(StationStatus.PLANNED.canMoveTo(StationStatus.ACCEPTED)).isFalse();
        assertThat(StationStatus.PLANNED.canMoveTo(StationStatus.BUILT)).isTrue();
        assertThat(StationStatus.BUILT.canMoveTo(StationStatus.ACCEPTED)).isTrue();
        assertThat(StationStatus.ACCEPTED.canMoveTo(StationStatus.SUSPENDED)).isTrue();
        assertThat(StationStatus.SUSPENDED.canMoveTo(StationStatus.ACCEPTED)).isTrue();
        assertThat(StationStatus.CLOSED.next()).isEmpty();
        assertThat(StationStatus.BUILT.inService()).isTrue();
        assertThat(StationStatus.SUSPENDED.inService()).isFalse();
        assertThat(StationStatus.PLANNED.inService()).isFalse();
    }
}
