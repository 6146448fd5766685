package org.unionhub.organisation;

import java.time.LocalDate;

/**
 * A grassroots union was founded in an enterprise: the new node {@code unionId} at {@code unionPath}, for the
 * enterprise {@code enterpriseId}, dated {@code foundedOn}. {@code sessionId} is the enterprise session whose
 * pipeline led to it, if any.
 */
public record UnionFounded(long unionId, String unionPath, long enterpriseId, LocalDate foundedOn, Long sessionId) {
}
