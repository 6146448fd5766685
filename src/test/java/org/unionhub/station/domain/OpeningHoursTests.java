package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningHoursTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);

    private static OpeningHours hours(String week, String exceptions, boolean closedOnHolidays) {
        return new OpeningHours(HoursText.parseWeek(week), HoursText.parseExceptions(exceptions), closedOnHolidays);
    }

    @ParameterizedTest(name = "{0} on Monday at {1}: open {2}")
    @CsvSource({
        "1-5 09:00-18:00, 08:59, false",
        "1-5 09:00-18:00, 09:00, true",
        "1-5 09:00-18:00, 17:59, true",
        "1-5 09:00-18:00, 18:00, false",
        "1 24h, 00:00, true",
        "1 24h, 23:59, true",
        "'1 10:00-14:00,17:00-21:00', 15:00, false",
        "'1 10:00-14:00,17:00-21:00', 17:30, true"
    })
    void isOpenWithinItsIntervalsOnly(String week, String time, boolean open) {
        assertThat(hours(week, null, false).isOpenAt(MONDAY.atTime(java.time.LocalTime.parse(time)), Set.of()))
                .isEqualTo(open);
    }

    @Test
    void anIntervalPastMidnightStaysOpenIntoTheNextDay() {
        OpeningHours night = hours("5 22:00-06:00", null, false);
        LocalDate friday = MONDAY.plusDays(4);
        assertThat(night.isOpenAt(friday.atTime(23, 30), Set.of())).isTrue();
        assertThat(night.isOpenAt(friday.plusDays(1).atTime(5, 59), Set.of())).isTrue();
        assertThat(night.isOpenAt(friday.plusDays(1).atTime(6, 0), Set.of())).isFalse();
        assertThat(night.isOpenAt(friday.atTime(5, 0), Set.of())).isFalse();
    }

    @Test
    void aStationClosedOnHolidaysOpensNoIntervalOnOneButTheNightBeforeStillRunsOut() {
        OpeningHours hours = hours("1-7 20:00-02:00", null, true);
        Set<LocalDate> holidays = Set.of(NATIONAL_DAY);
        assertThat(hours.isOpenAt(NATIONAL_DAY.atTime(21, 0), holidays)).isFalse();
        assertThat(hours.isOpenAt(NATIONAL_DAY.atTime(1, 0), holidays)).isTrue();
        assertThat(hours.isOpenAt(NATIONAL_DAY.plusDays(1).atTime(1, 0), holidays)).isFalse();
    }

    @Test
    void aStationOpenOnHolidaysIgnoresThem() {
        OpeningHours hours = hours("1-7 09:00-18:00", null, false);
        assertThat(hours.isOpenAt(NATIONAL_DAY.atTime(10, 0), Set.of(NATIONAL_DAY))).isTrue();
    }

    @Test
    void aDatedExceptionReplacesThatDaysHours() {
        OpeningHours hours = hours("1-7 09:00-18:00", "2026-11-23 closed; 2026-11-24 10:00-12:00", false);
        assertThat(hours.isOpenAt(MONDAY.atTime(10, 0), Set.of())).isFalse();
        assertThat(hours.isOpenAt(MONDAY.plusDays(1).atTime(11, 0), Set.of())).isTrue();
        assertThat(hours.isOpenAt(MONDAY.plusDays(1).atTime(13, 0), Set.of())).isFalse();
        assertThat(hours.isOpenAt(MONDAY.plusDays(2).atTime(13, 0), Set.of())).isTrue();
    }

    @Test
    void anExceptionOverridesAHolidayClosure() {
        OpeningHours hours = hours("1-7 09:00-18:00", "2026-10-01 10:00-14:00", true);
        assertThat(hours.isOpenAt(NATIONAL_DAY.atTime(11, 0), Set.of(NATIONAL_DAY))).isTrue();
    }

    @Test
    void aWeekdayWithoutHoursIsClosed() {
        OpeningHours hours = hours("1-5 09:00-18:00", null, false);
        LocalDateTime saturdayNoon = MONDAY.plusDays(5).atTime(12, 0);
        assertThat(hours.isOpenAt(saturdayNoon, Set.of())).isFalse();
        assertThat(hours.intervalsStartingOn(saturdayNoon.toLocalDate(), Set.of())).isEmpty();
    }

    @Test
    void allDayIsOpenAtEveryMinute() {
        OpeningHours always = OpeningHours.allDay();
        for (int minute = 0; minute < 1440; minute += 7) {
            assertThat(always.isOpenAt(MONDAY.atStartOfDay().plusMinutes(minute), Set.of())).isTrue();
        }
        assertThat(always.week()).hasSize(7).allSatisfy((day, intervals) ->
                assertThat(intervals).containsExactly(new OpeningHours.Interval(0, 1440)));
    }

    @Test
    void theWeekIsKeptAsGiven() {
        OpeningHours hours = hours("1-5 09:00-18:00", null, false);
        assertThat(hours.week()).hasSize(5);
        assertThat(hours.exceptions()).isEqualTo(Map.of());
        assertThat(hours.week().get(java.time.DayOfWeek.MONDAY)).isEqualTo(List.of(new OpeningHours.Interval(540, 1080)));
    }
}
