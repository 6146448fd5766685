package org.unionhub.seedcity;

import java.time.LocalDate;
import java.util.Map;
import org.unionhub.seedcity.domain.CityCalendar;
import org.unionhub.seedcity.domain.CityPlan;
import org.unionhub.seedcity.domain.Figures;

/**
 * The seeds' city as planned for this database's tree: the plan, the ids of the federation and of each
 * district-level union (by the plan's district keys), and what the funnel must show once it is built.
 */
public record PlannedCity(CityPlan plan, long cityId, Map<String, Long> districtIds) {

    /** The first day of the pilot's year: the start of the period "to 2023-04-30" the seeds count over. */
    public static final LocalDate FROM = LocalDate.of(2018, 1, 1);

    /** What the funnel of the whole city must show from 2018 to 2023-04-30. */
    public Figures cityToDate() {
        return plan.expected(plan.city(), FROM, CityCalendar.AS_OF);
    }

    /** What the funnel of the whole city must show for the city-wide day of 2023-05-30. */
    public Figures cityOnCampaignDay() {
        return plan.expected(plan.city(), CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY);
    }

    /** What the funnel of one district-level union must show over the days. */
    public Figures district(String key, LocalDate from, LocalDate to) {
        return plan.expected(plan.district(key), from, to);
    }
}
