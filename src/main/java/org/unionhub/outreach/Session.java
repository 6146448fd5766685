package org.unionhub.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A communication session as staff see it; its QR code opens {@code /join?s=<code>}. */
public record Session(
        long id,
        String code,
        SessionKind kind,
        long orgId,
        String orgName,
        Long campaignId,
        String campaignName,
        String title,
        String place,
        BigDecimal lat,
        BigDecimal lng,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        LocalDate heldOn,
        List<String> staffOnDuty,
        List<String> partners,
        SessionStatus status,
        String createdBy) {
}
