package org.unionhub.station;

import java.math.BigDecimal;
import java.util.List;

/**
 * What staff enter for a station. {@code crs} says which coordinates {@code lat}/{@code lng} are in:
 * {@code GCJ02} (default; Chinese maps) or {@code WGS84} (GPS, converted to GCJ-02 before storing).
 */
public record StationInput(
        String name,
        String kindCode,
        Long ownerOrgId,
        String hostTypeCode,
        String hostName,
        String address,
        BigDecimal lat,
        BigDecimal lng,
        String crs,
        List<String> amenities,
        Integer parkingFreeMinutes,
        Integer capacity,
        Boolean closedOnHolidays,
        String contactName,
        String contactPhone,
        List<String> photoUrls,
        String weeklyHours,
        String hoursExceptions) {
}
