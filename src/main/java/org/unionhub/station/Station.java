package org.unionhub.station;

import java.math.BigDecimal;
import java.util.List;

/**
 * A service station as staff see it. Coordinates are GCJ-02. {@code weeklyHours} and {@code hoursExceptions} are in
 * the text form staff type ({@code 1-5 09:00-18:00; 6,7 24h} and {@code 2026-10-01 closed}).
 */
public record Station(
        long id,
        String name,
        String kindCode,
        long ownerOrgId,
        String ownerOrgName,
        String hostTypeCode,
        String hostName,
        String address,
        BigDecimal lat,
        BigDecimal lng,
        List<String> amenities,
        Integer parkingFreeMinutes,
        Integer capacity,
        boolean closedOnHolidays,
        StationStatus status,
        String contactName,
        String contactPhone,
        List<String> photoUrls,
        String scanCode,
        String weeklyHours,
        String hoursExceptions) {
}
