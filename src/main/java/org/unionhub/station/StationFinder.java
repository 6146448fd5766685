package org.unionhub.station;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.station.domain.GeoMath;
import org.unionhub.station.domain.OpeningHours;
import org.unionhub.station.domain.StationIndex;
import org.unionhub.station.domain.StationIndex.Entry;
import org.unionhub.station.domain.StationIndex.Hit;
import org.unionhub.station.persistence.StationRepository;
import org.unionhub.station.persistence.StationRepository.StationRow;

/**
 * Where can I rest, eat, charge or park, now, near me? Answers from an in-memory index of the stations in service,
 * loaded at start, updated after every committed change made here and reloaded every few minutes (for changes made by
 * other instances). Open-now is judged in the platform's zone (Asia/Shanghai).
 */
@Service
public class StationFinder {

    /** Results are limited to this radius: beyond it nothing is "near". */
    public static final double MAX_RADIUS_METRES = 50_000;
    public static final int MAX_LIMIT = 50;

    /** A station found for a worker. Coordinates are GCJ-02. */
    public record Found(long id, String name, String kind, double lat, double lng, long distanceMeters,
            List<String> amenities, boolean openNow) {
    }

    /** A street workers can search from when they share no location. */
    public record Street(long id, String name, double lat, double lng) {
    }

    /** What the index holds: the stations, the public holidays and the streets that have stations. */
    private record Snapshot(StationIndex index, Set<LocalDate> holidays, List<Street> streets) {
    }

    private static final Logger log = LoggerFactory.getLogger(StationFinder.class);

    private final StationRepository stations;
    private final StationCodes codes;
    private final OrgTree tree;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    /**
     * The stations changed by the transaction running on this thread, applied when it commits. Per thread (that is,
     * per transaction), so that one transaction's commit never takes, and reads too early, the changes of another
     * that has not committed yet.
     */
    private final ThreadLocal<Set<Long>> pending = ThreadLocal.withInitial(LinkedHashSet::new);
    private final Map<Long, List<String>> amenityCodeLists = new ConcurrentHashMap<>();
    private final AtomicReference<Snapshot> snapshot =
            new AtomicReference<>(new Snapshot(StationIndex.of(List.of()), Set.of(), List.of()));

    StationFinder(StationRepository stations, StationCodes codes, OrgTree tree, Clock clock,
            TransactionTemplate transactions) {
        this.stations = stations;
        this.tree = tree;
        this.codes = codes;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /**
     * The nearest stations in service that have every amenity asked for and, with {@code openNow}, are open at this
     * moment, nearest first, within {@value #MAX_RADIUS_METRES} m.
     *
     * @param lat latitude in GCJ-02 (convert GPS first)
     */
    public List<Found> nearest(double lat, double lng, Collection<String> amenities, boolean openNow, int limit) {
        var errors = new ValidationFailure.Collector();
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            errors.add("lat", "OUT_OF_RANGE");
        }
        if (Double.isNaN(lng) || lng < -180 || lng > 180) {
            errors.add("lng", "OUT_OF_RANGE");
        }
        if (amenities.stream().anyMatch(a -> !codes.isAmenity(a))) {
            errors.add("amenities", "UNKNOWN_CODE");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add("limit", "OUT_OF_RANGE");
        }
        errors.throwIfAny();
        Snapshot current = snapshot.get();
        OpeningHours.Moment now = new OpeningHours.Moment(LocalDateTime.now(clock), current.holidays());
        List<Hit> hits = current.index().nearest(lat, lng, codes.amenityMask(amenities), openNow ? now : null, limit,
                MAX_RADIUS_METRES);
        List<Found> found = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Entry e = hit.entry();
            found.add(new Found(e.id(), e.name(), e.kindCode(), e.lat(), e.lng(), Math.round(hit.distanceMetres()),
                    amenityCodes(e.amenityMask()), openNow || e.hours().isOpenAt(now)));
        }
        return found;
    }

    /** A station in service as a worker sees it, with whether it is open now. */
    public StationRow publicStation(long id) {
        return stations.findById(id).filter(s -> s.status().inService())
                .orElseThrow(() -> new NotFoundException("Station " + id));
    }

    /** The intervals that start today, public holidays and exceptions applied. */
    public List<OpeningHours.Interval> hoursToday(OpeningHours hours) {
        return hours.intervalsStartingOn(LocalDate.now(clock), snapshot.get().holidays());
    }

    public boolean isOpenNow(OpeningHours hours) {
        return hours.isOpenAt(LocalDateTime.now(clock), snapshot.get().holidays());
    }

    public List<Street> streets() {
        return snapshot.get().streets();
    }

    public int indexedStations() {
        return snapshot.get().index().size();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${unionhub.stations.reload-every:PT5M}",
            initialDelayString = "${unionhub.stations.reload-every:PT5M}")
    public void reload() {
        long started = System.nanoTime();
        List<Entry> entries = new ArrayList<>();
        Set<LocalDate> holidays = readOnly.execute(status -> {
            stations.forEachInService(row -> entries.add(entry(row)));
            return stations.publicHolidays();
        });
        List<Street> streets = stations.streetPoints().stream()
                .flatMap(p -> tree.find(p.streetOrgId()).stream().map(u -> new Street(u.id(), u.name(), p.lat(), p.lng())))
                .sorted(java.util.Comparator.comparing(Street::name))
                .toList();
        snapshot.set(new Snapshot(StationIndex.of(entries), holidays, streets));
        log.info("Station finder indexed {} stations in {} ms", entries.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Notes a change while its transaction runs, so that a bulk import is applied in one rebuild. */
    @EventListener
    void noted(StationChanged changed) {
        pending.get().add(changed.stationId());
    }

    /**
     * Once a change commits, applies everything its transaction changed in one rebuild; the later calls of the same
     * commit find nothing left.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(StationChanged changed) {
        Set<Long> ids = pending.get();
        Map<Long, Entry> changes = new HashMap<>();
        for (Long id : ids) {
            changes.put(id, stations.findById(id).filter(s -> s.status().inService()).map(this::entry).orElse(null));
        }
        pending.remove();
        if (!changes.isEmpty()) {
            snapshot.updateAndGet(s -> new Snapshot(s.index().with(changes), s.holidays(), s.streets()));
        }
    }

    /** A rolled-back transaction changed nothing. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void rolledBack(StationChanged changed) {
        pending.remove();
    }

    private Entry entry(StationRow row) {
        return new Entry(row.id(), row.name(), row.kindCode(), degrees(row.lat()), degrees(row.lng()),
                codes.amenityMask(row.amenities()), row.hours());
    }

    /** The codes of a mask, from a cache: stations share a few thousand masks at most, and every answer lists them. */
    private List<String> amenityCodes(long mask) {
        return amenityCodeLists.computeIfAbsent(mask, m ->
                codes.amenities().stream().filter(a -> (m & (1L << a.bit())) != 0).map(StationCode::code).toList());
    }

    private static double degrees(BigDecimal value) {
        return value.doubleValue();
    }

    /** Converts a phone's GPS position (WGS-84) to the stored GCJ-02. */
    public static GeoMath.LatLng fromGps(double lat, double lng) {
        return GeoMath.wgs84ToGcj02(lat, lng);
    }
}
