package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.station.domain.OpeningHours.Interval;
import org.unionhub.station.domain.OpeningHours.Moment;

/** The finder's fast open-now check answers exactly as the full one. */
class OpeningHoursMomentTests {

    private static final Random RANDOM = new Random(20261122);
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
    private static final Set<LocalDate> HOLIDAYS = Set.of(MONDAY.plusDays(3), MONDAY.plusDays(4), MONDAY.plusDays(13));

    private static Interval randomInterval() {
        return switch (RANDOM.nextInt(4)) {
            case 0 -> new Interval(0, 1440);
            case 1 -> new Interval(RANDOM.nextInt(1440), 1 + RANDOM.nextInt(1440));
            case 2 -> new Interval(1020 + RANDOM.nextInt(420), 1 + RANDOM.nextInt(480));
            default -> new Interval(360 + RANDOM.nextInt(300), 1020 + RANDOM.nextInt(300));
        };
    }

    private static OpeningHours randomHours() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            int intervals = RANDOM.nextInt(3);
            List<Interval> list = new ArrayList<>();
            for (int i = 0; i < intervals; i++) {
                list.add(randomInterval());
            }
            if (!list.isEmpty()) {
                week.put(day, list);
            }
        }
        Map<LocalDate, List<Interval>> exceptions = new HashMap<>();
        if (RANDOM.nextInt(4) == 0) {
            exceptions.put(MONDAY.plusDays(RANDOM.nextInt(21)),
                    RANDOM.nextBoolean() ? List.of() : List.of(randomInterval()));
        }
        return new OpeningHours(week, exceptions, RANDOM.nextBoolean());
    }

    @RepeatedTest(200)
    void answersAsTheFullCheckDoes() {
        OpeningHours hours = randomHours();
        for (int i = 0; i < 500; i++) {
            LocalDateTime at = MONDAY.atStartOfDay().plusMinutes(RANDOM.nextInt(21 * 1440));
            assertThat(hours.isOpenAt(new Moment(at, HOLIDAYS))).as("%s %s", hours.week(), at)
                    .isEqualTo(hours.isOpenAt(at, HOLIDAYS));
        }
    }

    @Test
    void sundayNightRunsIntoMonday() {
        OpeningHours hours = new OpeningHours(Map.of(DayOfWeek.SUNDAY, List.of(new Interval(22 * 60, 6 * 60))),
                Map.of(), false);
        LocalDate sunday = MONDAY.minusDays(1);
        assertThat(hours.isOpenAt(new Moment(sunday.atTime(23, 0), Set.of()))).isTrue();
        assertThat(hours.isOpenAt(new Moment(MONDAY.atTime(5, 59), Set.of()))).isTrue();
        assertThat(hours.isOpenAt(new Moment(MONDAY.atTime(6, 0), Set.of()))).isFalse();
        assertThat(hours.isOpenAt(new Moment(sunday.atTime(21, 59), Set.of()))).isFalse();
    }
}
