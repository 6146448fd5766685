package org.unionhub.station.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * An immutable in-memory grid of the stations in service, for "nearest to me" in microseconds. The grid has cells of
 * {@value #CELL_DEGREES}° and is searched in rings around the caller's cell; the search stops as soon as no unseen
 * cell can hold anything nearer than the farthest of the results found, or nothing within the radius is left.
 * Distances are great-circle (haversine), so the order is exact, not that of the grid.
 */
public final class StationIndex {

    static final double CELL_DEGREES = 0.05;
    private static final double METRES_PER_DEGREE = Math.PI * GeoMath.EARTH_RADIUS_METRES / 180;

    /** A station as the finder needs it. */
    public record Entry(long id, String name, String kindCode, double lat, double lng, long amenityMask,
            OpeningHours hours) {
    }

    /** A station found, with its distance from the caller. */
    public record Hit(Entry entry, double distanceMetres) {
    }

    private final Map<Long, List<Entry>> cells;
    private final Map<Long, Entry> byId;

    private StationIndex(Map<Long, List<Entry>> cells, Map<Long, Entry> byId) {
        this.cells = cells;
        this.byId = byId;
    }

    public static StationIndex of(Collection<Entry> entries) {
        Map<Long, List<Entry>> cells = new HashMap<>();
        Map<Long, Entry> byId = new HashMap<>(entries.size() * 2);
        for (Entry entry : entries) {
            cells.computeIfAbsent(cellKey(row(entry.lat()), column(entry.lng())), k -> new ArrayList<>()).add(entry);
            byId.put(entry.id(), entry);
        }
        return new StationIndex(cells, byId);
    }

    /** A copy with stations added or replaced, and removed where the change maps an id to null. */
    public StationIndex with(Map<Long, Entry> changes) {
        Map<Long, Entry> entries = new HashMap<>(byId);
        changes.forEach((id, replacement) -> {
            if (replacement == null) {
                entries.remove(id);
            } else {
                entries.put(id, replacement);
            }
        });
        return of(entries.values());
    }

    public int size() {
        return byId.size();
    }

    public Entry get(long id) {
        return byId.get(id);
    }

    /**
     * The {@code limit} nearest stations within {@code maxMetres} that have every amenity in {@code requiredMask}
     * and pass {@code filter}, nearest first.
     */
    public List<Hit> nearest(double lat, double lng, long requiredMask, Predicate<Entry> filter, int limit,
            double maxMetres) {
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::distanceMetres).reversed());
        int centreRow = row(lat);
        int centreColumn = column(lng);
        for (int ring = 0; ; ring++) {
            double nearestPossible = lowerBoundMetres(lat, ring);
            if (nearestPossible > maxMetres) {
                break;
            }
            if (best.size() == limit && nearestPossible > best.peek().distanceMetres()) {
                break;
            }
            for (int r = centreRow - ring; r <= centreRow + ring; r++) {
                boolean edgeRow = r == centreRow - ring || r == centreRow + ring;
                int step = edgeRow || ring == 0 ? 1 : 2 * ring;
                for (int c = centreColumn - ring; c <= centreColumn + ring; c += step) {
                    List<Entry> cell = cells.get(cellKey(r, c));
                    if (cell != null) {
                        collect(cell, lat, lng, requiredMask, filter, limit, maxMetres, best);
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(Hit::distanceMetres));
        return hits;
    }

    private static void collect(List<Entry> cell, double lat, double lng, long requiredMask, Predicate<Entry> filter,
            int limit, double maxMetres, PriorityQueue<Hit> best) {
        for (Entry entry : cell) {
            if ((entry.amenityMask() & requiredMask) != requiredMask) {
                continue;
            }
            double distance = GeoMath.distanceMetres(lat, lng, entry.lat(), entry.lng());
            if (distance > maxMetres || (best.size() == limit && distance >= best.peek().distanceMetres())) {
                continue;
            }
            if (!filter.test(entry)) {
                continue;
            }
            best.add(new Hit(entry, distance));
            if (best.size() > limit) {
                best.poll();
            }
        }
    }

    /**
     * No point in ring {@code ring} around the caller's cell is nearer than this: {@code ring - 1} whole cells lie
     * between, measured along the shorter (east–west, at the widest latitude the ring reaches) side of a cell, less 1%
     * because a great circle between two points of a parallel is a little shorter than the parallel itself.
     */
    static double lowerBoundMetres(double lat, int ring) {
        if (ring <= 1) {
            return 0;
        }
        double widestLatitude = Math.min(89, Math.abs(lat) + (ring + 1) * CELL_DEGREES);
        double cellMetres = CELL_DEGREES * METRES_PER_DEGREE * Math.cos(Math.toRadians(widestLatitude));
        return 0.99 * (ring - 1) * cellMetres;
    }

    private static int row(double lat) {
        return (int) Math.floor(lat / CELL_DEGREES);
    }

    private static int column(double lng) {
        return (int) Math.floor(lng / CELL_DEGREES);
    }

    private static long cellKey(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }
}
