package org.unionhub.outreach;

import java.math.BigDecimal;
import java.util.List;

/**
 * What staff enter to plan a session. {@code kind} is {@code WORKER} or {@code ENTERPRISE}; {@code startsAt} and
 * {@code endsAt} are ISO date-times, with an offset or in Beijing time without one ({@code 2023-05-30T11:30});
 * {@code lat}/{@code lng} are GCJ-02 coordinates (optional, both or neither); {@code campaignId} is the campaign day
 * it belongs to, if any; {@code staffOnDuty} and {@code partners} are free-text names (e.g. 北京银行服务台).
 */
public record SessionInput(
        String kind,
        Long orgId,
        Long campaignId,
        String title,
        String place,
        BigDecimal lat,
        BigDecimal lng,
        String startsAt,
        String endsAt,
        List<String> staffOnDuty,
        List<String> partners) {
}
