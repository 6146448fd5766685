package org.unionhub.organisation;

import java.time.LocalDate;

/**
 * A period in which an enterprise had the union {@code unionId}: from {@code from} up to, not including,
 * {@code until} (open while {@code until} is null). {@code source} says how it began: {@code FOUNDED} through
 * founding, {@code REGISTERED} when staff linked an existing union.
 */
public record UnionPeriod(long unionId, String unionName, LocalDate from, LocalDate until, String source) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || date.isBefore(until));
    }
}
