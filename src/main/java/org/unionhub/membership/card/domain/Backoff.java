package org.unionhub.membership.card.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When to call the bank again after {@code failures} failed calls: {@code base × 2^failures}, never more than
 * {@code max} (with a base of one second: 2 s, 4 s, 8 s … up to five minutes).
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Need 0 < base <= max, got " + base + " and " + max);
        }
    }

    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("No failure, no delay");
        }
        Duration delay = base;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public Instant nextAttempt(Instant failedAt, int failures) {
        return failedAt.plus(delayAfter(failures));
    }
}
