package org.unionhub.organisation;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff enter for an enterprise (absent flags mean no). {@code confirmCreditCode} is the staff's confirmation that a code failing the
 * check character is a real pilot-era code.
 */
public record EnterpriseInput(
        String name,
        String creditCode,
        Boolean confirmCreditCode,
        Long orgId,
        String divisionCode,
        String address,
        String industry,
        Integer employeeCount,
        Boolean newEconomy,
        Boolean newSocialOrganisation,
        Boolean gigPlatform,
        Long unionId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate unionFoundedOn) {
}
