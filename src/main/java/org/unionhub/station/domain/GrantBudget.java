package org.unionhub.station.domain;

import org.unionhub.common.Money;

/**
 * A district's station budget for one year: a grant may be requested only while what is already committed
 * (requested or released grants) plus the new grant stays within the budget.
 */
public record GrantBudget(Money budget, Money committed) {

    public boolean allows(Money grant) {
        return committed.plus(grant).compareTo(budget) <= 0;
    }

    public Money remaining() {
        return budget.minus(committed);
    }
}
