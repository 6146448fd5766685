package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.station.domain.StationIndex.Entry;
import org.unionhub.station.domain.StationIndex.Hit;

class StationIndexTests {

    private static final Random RANDOM = new Random(20230530);

    private static List<Entry> scatter(int count, double lat, double lng, double spreadDegrees) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(i, "s" + i, "WARM_STATION", lat + (RANDOM.nextDouble() - 0.5) * spreadDegrees,
                    lng + (RANDOM.nextDouble() - 0.5) * spreadDegrees, RANDOM.nextLong() & 0xfff,
                    OpeningHours.allDay()));
        }
        return entries;
    }

    private static List<Long> bruteForce(List<Entry> entries, double lat, double lng, long mask, int limit,
            double maxMetres) {
        return entries.stream()
                .filter(e -> (e.amenityMask() & mask) == mask)
                .map(e -> new Hit(e, GeoMath.distanceMetres(lat, lng, e.lat(), e.lng())))
                .filter(h -> h.distanceMetres() <= maxMetres)
                .sorted(Comparator.comparingDouble(Hit::distanceMetres))
                .limit(limit)
                .map(h -> h.entry().id())
                .toList();
    }

    @RepeatedTest(20)
    void findsExactlyWhatAFullScanFinds() {
        List<Entry> entries = scatter(5_000, 39.95, 116.4, 1.5);
        StationIndex index = StationIndex.of(entries);
        double lat = 39.95 + (RANDOM.nextDouble() - 0.5) * 2;
        double lng = 116.4 + (RANDOM.nextDouble() - 0.5) * 2;
        long mask = (1L << RANDOM.nextInt(12)) | (1L << RANDOM.nextInt(12));
        int limit = 1 + RANDOM.nextInt(20);
        List<Long> found = index.nearest(lat, lng, mask, e -> true, limit, 50_000).stream()
                .map(h -> h.entry().id()).toList();
        assertThat(found).isEqualTo(bruteForce(entries, lat, lng, mask, limit, 50_000));
    }

    @Test
    void honoursTheRadiusAndTheFilter() {
        List<Entry> entries = scatter(2_000, 39.95, 116.4, 3);
        StationIndex index = StationIndex.of(entries);
        List<Hit> near = index.nearest(39.95, 116.4, 0, e -> e.id() % 2 == 0, 50, 5_000);
        assertThat(near).isNotEmpty().allSatisfy(h -> {
            assertThat(h.distanceMetres()).isLessThanOrEqualTo(5_000);
            assertThat(h.entry().id() % 2).isZero();
        });
        assertThat(near).isSortedAccordingTo(Comparator.comparingDouble(Hit::distanceMetres));
    }

    @Test
    void answersNothingFarFromEveryStation() {
        StationIndex index = StationIndex.of(scatter(100, 39.95, 116.4, 0.2));
        assertThat(index.nearest(25.0, 102.7, 0, e -> true, 10, 50_000)).isEmpty();
    }

    @Test
    void aCopyAddsReplacesAndRemovesWithoutTouchingTheOriginal() {
        List<Entry> entries = scatter(10, 39.95, 116.4, 0.01);
        StationIndex index = StationIndex.of(entries);
        Entry moved = new Entry(3, "moved", "WARM_STATION", 31.23, 121.47, 0, OpeningHours.allDay());
        var changes = new java.util.HashMap<Long, Entry>();
        changes.put(3L, moved);
        changes.put(4L, null);
        StationIndex changed = index.with(changes);
        assertThat(changed.size()).isEqualTo(9);
        assertThat(changed.get(3)).isEqualTo(moved);
        assertThat(changed.get(4)).isNull();
        assertThat(index.size()).isEqualTo(10);
        assertThat(changed.nearest(31.23, 121.47, 0, e -> true, 1, 1_000)).extracting(h -> h.entry().id())
                .containsExactly(3L);
    }

    @Test
    void theLowerBoundNeverExceedsTheTrueDistanceOfARing() {
        for (int ring = 0; ring < 30; ring++) {
            double bound = StationIndex.lowerBoundMetres(53.5, ring);
            double cellsAway = Math.max(0, ring - 1) * StationIndex.CELL_DEGREES;
            double trueNearestEastWest = GeoMath.distanceMetres(53.5 + (ring + 1) * StationIndex.CELL_DEGREES, 0,
                    53.5 + (ring + 1) * StationIndex.CELL_DEGREES, cellsAway);
            assertThat(bound).isLessThanOrEqualTo(trueNearestEastWest + 1e-6);
        }
    }
}
