package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.station.domain.OpeningHours.Interval;
import org.unionhub.station.domain.OpeningHours.Moment;
import org.unionhub.station.domain.StationIndex.Entry;
import org.unionhub.station.domain.StationIndex.Hit;

/** The index's own open-now check and its search of dense cells, against a full scan. */
class StationIndexOpenNowTests {

    private static final Random RANDOM = new Random(20261123);
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
    private static final Set<LocalDate> HOLIDAYS = Set.of(MONDAY.plusDays(3), MONDAY.plusDays(4));

    private static OpeningHours randomHours() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        int kind = RANDOM.nextInt(4);
        for (DayOfWeek day : DayOfWeek.values()) {
            switch (kind) {
                case 0 -> week.put(day, List.of(new Interval(0, 1440)));
                case 1 -> week.put(day, List.of(new Interval(480 + RANDOM.nextInt(120), 1080 + RANDOM.nextInt(240))));
                case 2 -> week.put(day, List.of(new Interval(1200, 120 + RANDOM.nextInt(240))));
                default -> {
                    if (day.getValue() <= 5) {
                        week.put(day, List.of(new Interval(540, 1080)));
                    }
                }
            }
        }
        Map<LocalDate, List<Interval>> exceptions = RANDOM.nextInt(10) == 0
                ? Map.of(MONDAY.plusDays(RANDOM.nextInt(7)), List.of()) : Map.of();
        return new OpeningHours(week, exceptions, RANDOM.nextInt(5) == 0);
    }

    private static List<Entry> dense(int count, double lat, double lng, double spreadDegrees) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(i, "s" + i, "WARM_STATION", lat + RANDOM.nextGaussian() * spreadDegrees,
                    lng + RANDOM.nextGaussian() * spreadDegrees, RANDOM.nextLong() & 0xfff, randomHours()));
        }
        return entries;
    }

    @RepeatedTest(30)
    void findsExactlyWhatAFullScanFindsOpenAtThatMoment() {
        List<Entry> entries = dense(20_000, 39.9, 116.4, 0.08);
        StationIndex index = StationIndex.of(entries);
        LocalDateTime at = MONDAY.atStartOfDay().plusMinutes(RANDOM.nextInt(7 * 1440));
        double lat = 39.9 + RANDOM.nextGaussian() * 0.1;
        double lng = 116.4 + RANDOM.nextGaussian() * 0.1;
        long mask = (1L << RANDOM.nextInt(12)) | (1L << RANDOM.nextInt(12));
        int limit = 1 + RANDOM.nextInt(20);
        List<Long> found = index.nearest(lat, lng, mask, new Moment(at, HOLIDAYS), limit, 50_000).stream()
                .map(h -> h.entry().id()).toList();
        List<Long> expected = entries.stream()
                .filter(e -> (e.amenityMask() & mask) == mask && e.hours().isOpenAt(at, HOLIDAYS))
                .map(e -> new Hit(e, GeoMath.distanceMetres(lat, lng, e.lat(), e.lng())))
                .filter(h -> h.distanceMetres() <= 50_000)
                .sorted(Comparator.comparingDouble(Hit::distanceMetres))
                .limit(limit)
                .map(h -> h.entry().id())
                .toList();
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void noPointOfARingIsNearerThanItsBound() {
        double cell = StationIndex.CELL_DEGREES;
        for (int i = 0; i < 2_000; i++) {
            double lat = 3 + RANDOM.nextDouble() * 51;
            double lng = 73 + RANDOM.nextDouble() * 63;
            int row = (int) Math.floor(lat / cell);
            int column = (int) Math.floor(lng / cell);
            int ring = 1 + RANDOM.nextInt(8);
            double bound = StationIndex.ringLowerBoundMetres(lat, lng, row, column, ring);
            for (int k = 0; k < 50; k++) {
                // a point of a cell of the ring: one coordinate on the ring's edge, the other anywhere along it
                int r;
                int c;
                if (RANDOM.nextBoolean()) {
                    r = row + (RANDOM.nextBoolean() ? ring : -ring);
                    c = column - ring + RANDOM.nextInt(2 * ring + 1);
                } else {
                    c = column + (RANDOM.nextBoolean() ? ring : -ring);
                    r = row - ring + RANDOM.nextInt(2 * ring + 1);
                }
                double pointLat = (r + RANDOM.nextDouble()) * cell;
                double pointLng = (c + RANDOM.nextDouble()) * cell;
                assertThat(GeoMath.distanceMetres(lat, lng, pointLat, pointLng)).isGreaterThanOrEqualTo(bound);
            }
        }
    }
}
