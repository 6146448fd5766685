package org.unionhub.station.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An immutable in-memory grid of the stations in service, for "nearest to me" in microseconds. The grid has cells of
 * {@value #CELL_DEGREES}° and is searched in rings around the caller's cell; the search stops as soon as no unseen
 * cell can hold anything nearer than the farthest of the results found, or nothing within the radius is left.
 * Distances are great-circle, so the order is exact, not that of the grid.
 *
 * <p>Laid out for scanning dense city cells fast: the stations are sorted by cell, and each cell is a run of parallel
 * arrays (amenity masks, then each station's point as a unit vector), found through an open-addressing table of
 * primitive cell keys. A candidate is ranked by the straight-line (chord) distance between unit vectors, which orders
 * exactly as the great-circle distance does and costs a few multiplications instead of trigonometry; the haversine
 * distance is computed only for the results.
 */
public final class StationIndex {

    static final double CELL_DEGREES = 0.05;
    private static final double METRES_PER_DEGREE = Math.PI * GeoMath.EARTH_RADIUS_METRES / 180;
    private static final long NO_KEY = Long.MIN_VALUE;
    private static final byte FULL_CHECK = 1;
    private static final byte HOLIDAY_CHECK = 2;

    /** A station as the finder needs it. */
    public record Entry(long id, String name, String kindCode, double lat, double lng, long amenityMask,
            OpeningHours hours) {

        public Entry {
            if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
                throw new IllegalArgumentException("Station " + id + " is off the globe: " + lat + ", " + lng);
            }
        }
    }

    /** A station found, with its distance from the caller. */
    public record Hit(Entry entry, double distanceMetres) {
    }

    private final Map<Long, Entry> byId;
    /** The stations sorted by cell, and per station its amenities and its point on the unit sphere. */
    private final Entry[] entries;
    private final long[] masks;
    private final double[] xs;
    private final double[] ys;
    private final double[] zs;
    /** Each station's flattened weekly hours, hoursPool[hoursFrom[i], hoursFrom[i + 1]), for open-now. */
    private final int[] hoursFrom;
    private final int[] hoursPool;
    /** Per station: FULL_CHECK (dated exceptions) or HOLIDAY_CHECK (closed on holidays), else 0. */
    private final byte[] hoursFlags;
    /** Open addressing: a cell's key, and the run [start, end) of its stations; empty slots hold NO_KEY. */
    private final long[] slotKeys;
    private final int[] slotStarts;
    private final int[] slotEnds;
    private final int slotMask;

    private StationIndex(Map<Long, Entry> byId) {
        this.byId = byId;
        int n = byId.size();
        Entry[] unsorted = byId.values().toArray(Entry[]::new);
        // sorted by cell with one primitive sort: the cell's compact number above, the station's position below
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = (compactCell(unsorted[i].lat(), unsorted[i].lng()) << 32) | i;
        }
        Arrays.sort(order);
        entries = new Entry[n];
        masks = new long[n];
        xs = new double[n];
        ys = new double[n];
        zs = new double[n];
        long[] sortedKeys = new long[n];
        hoursFrom = new int[n + 1];
        int pooled = 0;
        for (Entry e : unsorted) {
            pooled += e.hours().weekMinutes().length;
        }
        hoursPool = new int[pooled];
        hoursFlags = new byte[n];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            Entry e = unsorted[(int) order[i]];
            entries[i] = e;
            int[] week = e.hours().weekMinutes();
            System.arraycopy(week, 0, hoursPool, hoursFrom[i], week.length);
            hoursFrom[i + 1] = hoursFrom[i] + week.length;
            hoursFlags[i] = e.hours().hasExceptions() ? FULL_CHECK : e.hours().closedOnHolidays() ? HOLIDAY_CHECK : 0;
            sortedKeys[i] = cellKey(row(e.lat()), column(e.lng()));
            masks[i] = e.amenityMask();
            double phi = Math.toRadians(e.lat());
            double lambda = Math.toRadians(e.lng());
            xs[i] = Math.cos(phi) * Math.cos(lambda);
            ys[i] = Math.cos(phi) * Math.sin(lambda);
            zs[i] = Math.sin(phi);
            if (i == 0 || sortedKeys[i] != sortedKeys[i - 1]) {
                cells++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, cells * 2 + 1)) << 1;
        slotMask = capacity - 1;
        slotKeys = new long[capacity];
        Arrays.fill(slotKeys, NO_KEY);
        slotStarts = new int[capacity];
        slotEnds = new int[capacity];
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && sortedKeys[end] == sortedKeys[start]) {
                end++;
            }
            int slot = slot(sortedKeys[start]);
            while (slotKeys[slot] != NO_KEY) {
                slot = (slot + 1) & slotMask;
            }
            slotKeys[slot] = sortedKeys[start];
            slotStarts[slot] = start;
            slotEnds[slot] = end;
            start = end;
        }
    }

    public static StationIndex of(Collection<Entry> entries) {
        Map<Long, Entry> byId = new HashMap<>(entries.size() * 2);
        for (Entry entry : entries) {
            byId.put(entry.id(), entry);
        }
        return new StationIndex(byId);
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
        return new StationIndex(entries);
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
        return nearest(lat, lng, requiredMask, null, filter, limit, maxMetres);
    }

    /**
     * The {@code limit} nearest stations within {@code maxMetres} that have every amenity in {@code requiredMask}
     * and, unless {@code openAt} is null, are open at that moment, nearest first. The weekly hours are checked here,
     * from the index's own copy, without touching each station's objects.
     */
    public List<Hit> nearest(double lat, double lng, long requiredMask, OpeningHours.Moment openAt, int limit,
            double maxMetres) {
        return nearest(lat, lng, requiredMask, openAt, null, limit, maxMetres);
    }

    private List<Hit> nearest(double lat, double lng, long requiredMask, OpeningHours.Moment openAt,
            Predicate<Entry> filter, int limit, double maxMetres) {
        if (limit < 1) {
            return List.of();
        }
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lng);
        Best best = new Best(limit, Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi),
                chordSquared(maxMetres) * (1 + 1e-9));
        int centreRow = row(lat);
        int centreColumn = column(lng);
        for (int ring = 0; ; ring++) {
            double nearestPossible = Math.max(lowerBoundMetres(lat, ring),
                    ringLowerBoundMetres(lat, lng, centreRow, centreColumn, ring));
            if (nearestPossible > maxMetres) {
                break;
            }
            if (best.full() && nearestPossible > best.worstMetres()) {
                break;
            }
            for (int r = centreRow - ring; r <= centreRow + ring; r++) {
                boolean edgeRow = r == centreRow - ring || r == centreRow + ring;
                int step = edgeRow || ring == 0 ? 1 : 2 * ring;
                for (int c = centreColumn - ring; c <= centreColumn + ring; c += step) {
                    int slot = find(cellKey(r, c));
                    if (slot >= 0) {
                        collect(slotStarts[slot], slotEnds[slot], requiredMask, openAt, filter, best);
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>(best.size);
        for (int k = 0; k < best.size; k++) {
            Entry e = entries[best.found[k]];
            double distance = GeoMath.distanceMetres(lat, lng, e.lat(), e.lng());
            if (distance <= maxMetres) {
                hits.add(new Hit(e, distance));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distanceMetres));
        return hits;
    }

    private void collect(int start, int end, long requiredMask, OpeningHours.Moment openAt, Predicate<Entry> filter,
            Best best) {
        for (int i = start; i < end; i++) {
            if ((masks[i] & requiredMask) != requiredMask) {
                continue;
            }
            double dx = xs[i] - best.x;
            double dy = ys[i] - best.y;
            double dz = zs[i] - best.z;
            double chord = dx * dx + dy * dy + dz * dz;
            if (chord > best.limitChord || (best.full() && chord >= best.worst())) {
                continue;
            }
            if (openAt != null && !isOpen(i, openAt)) {
                continue;
            }
            if (filter != null && !filter.test(entries[i])) {
                continue;
            }
            best.add(i, chord);
        }
    }

    private boolean isOpen(int i, OpeningHours.Moment moment) {
        byte flags = hoursFlags[i];
        if (flags == FULL_CHECK || (flags == HOLIDAY_CHECK && moment.holidayTodayOrYesterday())) {
            return entries[i].hours().isOpenAt(moment);
        }
        return OpeningHours.covers(hoursPool, hoursFrom[i], hoursFrom[i + 1], moment);
    }

    /** The nearest found so far, by squared chord, nearest first; at most {@code limit} of them. */
    private static final class Best {
        final double x;
        final double y;
        final double z;
        final double limitChord;
        final int[] found;
        final double[] chords;
        int size;

        Best(int limit, double x, double y, double z, double limitChord) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.limitChord = limitChord;
            this.found = new int[limit];
            this.chords = new double[limit];
        }

        boolean full() {
            return size == found.length;
        }

        double worst() {
            return chords[size - 1];
        }

        double worstMetres() {
            return 2 * GeoMath.EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(worst()) / 2));
        }

        void add(int index, double chord) {
            int k = full() ? size - 1 : size++;
            while (k > 0 && chords[k - 1] > chord) {
                found[k] = found[k - 1];
                chords[k] = chords[k - 1];
                k--;
            }
            found[k] = index;
            chords[k] = chord;
        }
    }

    /** The squared chord between two points of the unit sphere this many metres apart along a great circle. */
    private static double chordSquared(double metres) {
        double angle = Math.min(Math.PI, Math.max(0, metres) / GeoMath.EARTH_RADIUS_METRES);
        double chord = 2 * Math.sin(angle / 2);
        return chord * chord;
    }

    /** A cell's number from 0 to under 2^25, in the order of the cell keys; one per cell of the whole globe. */
    private static long compactCell(double lat, double lng) {
        return (long) (row(lat) + 1801) * 7203 + (column(lng) + 3601);
    }

    private int find(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & slotMask) {
            long k = slotKeys[slot];
            if (k == key) {
                return slot;
            }
            if (k == NO_KEY) {
                return -1;
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & slotMask;
    }

    /**
     * No point in ring {@code ring} is nearer than this to the caller at ({@code lat}, {@code lng}): such a point lies
     * outside the block of cells within {@code ring - 1} of the caller's, so at least as far as the block's nearest
     * side. North and south that is the difference in latitude; east and west it is the distance to the meridian of
     * the side, {@code asin(cos φ · sin Δλ)} on the unit sphere. Less 0.1% for rounding at the cells' edges. Unlike
     * {@link #lowerBoundMetres(double, int)} it counts where in its cell the caller is, so that in a dense city the
     * search often ends with the caller's own cell.
     */
    static double ringLowerBoundMetres(double lat, double lng, int centreRow, int centreColumn, int ring) {
        if (ring == 0) {
            return 0;
        }
        double north = (centreRow + ring) * CELL_DEGREES - lat;
        double south = lat - (centreRow - ring + 1) * CELL_DEGREES;
        double east = (centreColumn + ring) * CELL_DEGREES - lng;
        double west = lng - (centreColumn - ring + 1) * CELL_DEGREES;
        double meridional = Math.min(north, south) * METRES_PER_DEGREE;
        double across = Math.toRadians(Math.min(90, Math.min(east, west)));
        double zonal = GeoMath.EARTH_RADIUS_METRES
                * Math.asin(Math.min(1, Math.cos(Math.toRadians(lat)) * Math.sin(across)));
        return Math.max(0, 0.999 * Math.min(meridional, zonal));
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
