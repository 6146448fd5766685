package org.unionhub.station;

import java.time.Instant;
import org.unionhub.common.Money;

/** The funding of one station from its district's budget for a year. */
public record StationGrant(long stationId, long districtOrgId, int year, Money amount, GrantStatus status,
        Instant requestedAt, String requestedBy, Instant releasedAt, String releasedBy) {
}
