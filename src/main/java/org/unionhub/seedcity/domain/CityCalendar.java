package org.unionhub.seedcity.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeds' calendar: the pilot from April 2018, city-wide from October 2018, the totals as of 2023-04-30 and the
 * city-wide day of 2023-05-30; which days sessions are held on (working days, few at weekends, none on public
 * holidays) and how busy each month is (the Spring Festival and summer are quiet; the pandemic months of 2020 and
 * 2022 nearly stopped the stalls).
 */
public final class CityCalendar {

    public static final LocalDate PILOT_STARTS = LocalDate.of(2018, 4, 1);
    public static final LocalDate CITY_WIDE_FROM = LocalDate.of(2018, 10, 1);
    public static final LocalDate AS_OF = LocalDate.of(2023, 4, 30);
    public static final LocalDate CAMPAIGN_DAY = LocalDate.of(2023, 5, 30);

    /** Public holidays (inclusive ranges) of the years the seeds cover, as the State Council announced them. */
    private static final String[][] HOLIDAYS = {
        {"2018-04-05", "2018-04-07"}, {"2018-04-29", "2018-05-01"}, {"2018-06-16", "2018-06-18"},
        {"2018-09-22", "2018-09-24"}, {"2018-10-01", "2018-10-07"}, {"2018-12-30", "2019-01-01"},
        {"2019-02-04", "2019-02-10"}, {"2019-04-05", "2019-04-07"}, {"2019-05-01", "2019-05-04"},
        {"2019-06-07", "2019-06-09"}, {"2019-09-13", "2019-09-15"}, {"2019-10-01", "2019-10-07"},
        {"2020-01-01", "2020-01-01"}, {"2020-01-24", "2020-02-02"}, {"2020-04-04", "2020-04-06"},
        {"2020-05-01", "2020-05-05"}, {"2020-06-25", "2020-06-27"}, {"2020-10-01", "2020-10-08"},
        {"2021-01-01", "2021-01-03"}, {"2021-02-11", "2021-02-17"}, {"2021-04-03", "2021-04-05"},
        {"2021-05-01", "2021-05-05"}, {"2021-06-12", "2021-06-14"}, {"2021-09-19", "2021-09-21"},
        {"2021-10-01", "2021-10-07"}, {"2022-01-01", "2022-01-03"}, {"2022-01-31", "2022-02-06"},
        {"2022-04-03", "2022-04-05"}, {"2022-04-30", "2022-05-04"}, {"2022-06-03", "2022-06-05"},
        {"2022-09-10", "2022-09-12"}, {"2022-10-01", "2022-10-07"}, {"2022-12-31", "2023-01-02"},
        {"2023-01-21", "2023-01-27"}, {"2023-04-05", "2023-04-05"}, {"2023-04-29", "2023-05-03"},
    };
    private static final double[] SEASON = {0.75, 0.45, 1.0, 1.1, 1.15, 1.1, 0.9, 0.85, 1.05, 0.9, 1.1, 0.95};
    private static final Map<Integer, Double> YEAR = Map.of(2018, 0.8, 2019, 1.0, 2020, 0.85, 2021, 1.05,
            2022, 0.9, 2023, 1.2);
    private static final Map<YearMonth, Double> PANDEMIC = Map.of(
            YearMonth.of(2020, 1), 0.7, YearMonth.of(2020, 2), 0.05, YearMonth.of(2020, 3), 0.25,
            YearMonth.of(2020, 4), 0.6, YearMonth.of(2020, 5), 0.85, YearMonth.of(2022, 5), 0.35,
            YearMonth.of(2022, 6), 0.7, YearMonth.of(2022, 11), 0.5, YearMonth.of(2022, 12), 0.2,
            YearMonth.of(2023, 1), 0.55);
    /** The pilot's first months started slowly. */
    private static final Map<YearMonth, Double> PILOT_RAMP = Map.of(YearMonth.of(2018, 4), 0.5,
            YearMonth.of(2018, 5), 0.75, YearMonth.of(2018, 6), 0.9);
    private static final double SATURDAY = 0.12;
    private static final double SUNDAY = 0.04;

    private static final Set<LocalDate> HOLIDAY_DAYS = holidayDays();

    private CityCalendar() {
    }

    /** The months with sessions before the totals' date, pilot included: 2018-04 to 2023-04. */
    public static List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(PILOT_STARTS); !m.isAfter(YearMonth.from(AS_OF)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** How busy a month was, relative to an ordinary month of a full year. */
    public static double monthFactor(YearMonth month) {
        return SEASON[month.getMonthValue() - 1] * YEAR.get(month.getYear()) * PANDEMIC.getOrDefault(month, 1.0)
                * PILOT_RAMP.getOrDefault(month, 1.0);
    }

    /** How likely a session is on this day: working days 1, Saturdays and Sundays a little, holidays never. */
    public static double dayWeight(LocalDate day) {
        if (HOLIDAY_DAYS.contains(day)) {
            return 0;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY ? SATURDAY : weekday == DayOfWeek.SUNDAY ? SUNDAY : 1;
    }

    public static boolean isWorkingDay(LocalDate day) {
        return dayWeight(day) == 1;
    }

    /** The more applications per session later on: the stalls got better at joining workers on their phones. */
    public static double joiningTrend(int year) {
        return switch (year) {
            case 2018 -> 0.7;
            case 2019 -> 0.85;
            case 2020 -> 0.95;
            case 2021 -> 1.0;
            case 2022 -> 1.1;
            default -> 1.3;
        };
    }

    private static Set<LocalDate> holidayDays() {
        Set<LocalDate> days = new HashSet<>();
        for (String[] range : HOLIDAYS) {
            for (LocalDate d = LocalDate.parse(range[0]); !d.isAfter(LocalDate.parse(range[1])); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }
}
