package org.unionhub.station;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.SubtreeMoved;
import org.unionhub.station.domain.GeoMath;
import org.unionhub.station.domain.HoursText;
import org.unionhub.station.domain.OpeningHours;
import org.unionhub.station.persistence.StationRepository;
import org.unionhub.station.persistence.StationRepository.CountRow;
import org.unionhub.station.persistence.StationRepository.StationData;
import org.unionhub.station.persistence.StationRepository.StationRow;
import org.unionhub.station.persistence.StationRepository.StatusChange;

/**
 * The station registry: staff register and maintain the stations of the unions in their scope and move them through
 * their life. Building a station requests its grant (within the district's budget); acceptance releases it.
 */
@Service
@Transactional(readOnly = true)
public class StationRegistry {

    static final int SEARCH_LIMIT = 200;
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,20}$");
    private static final Pattern URL = Pattern.compile("^https?://\\S{3,500}$");
    private static final char[] SCAN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final StationRepository stations;
    private final StationCodes codes;
    private final StationFunding funding;
    private final OrgTree tree;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    StationRegistry(StationRepository stations, StationCodes codes, StationFunding funding, OrgTree tree, Clock clock,
            ApplicationEventPublisher events) {
        this.stations = stations;
        this.codes = codes;
        this.funding = funding;
        this.tree = tree;
        this.clock = clock;
        this.events = events;
    }

    public Station get(ScopedPrincipal me, long id) {
        return view(row(me, id));
    }

    public List<Station> search(ScopedPrincipal me, String text, String kindCode, StationStatus status) {
        return stations.search(scopePath(me), Texts.likeFragment(text), kindCode, status, SEARCH_LIMIT).stream()
                .map(viewer()).toList();
    }

    public List<CountRow> counts(ScopedPrincipal me) {
        return stations.countByDistrictAndKind(scopePath(me));
    }

    public List<StatusChange> history(ScopedPrincipal me, long id) {
        row(me, id);
        return stations.statusHistory(id);
    }

    public long visitsSince(ScopedPrincipal me, long id, LocalDate from) {
        row(me, id);
        return stations.visitsSince(id, from);
    }

    /**
     * Registers a station, or — when the same union already has a station of that name at that address — updates it,
     * so that a retried form or a re-imported sheet never makes a second one.
     */
    @Transactional
    public Station create(ScopedPrincipal me, StationInput input) {
        long id = save(check(me, input)).id();
        return view(stations.findById(id).orElseThrow());
    }

    /**
     * Checks a station's input without storing anything (a spreadsheet's rows are all checked first). A failed check
     * leaves the caller's transaction as it was: the import reports the row and goes on.
     */
    @Transactional(readOnly = true, noRollbackFor = ValidationFailure.class)
    void validate(ScopedPrincipal me, StationInput input) {
        check(me, input);
    }

    /** Registers or updates as {@link #create} does; true when it was new. */
    boolean createOrUpdate(ScopedPrincipal me, StationInput input) {
        return save(check(me, input)).created();
    }

    private record Saved(long id, boolean created) {
    }

    private Saved save(StationData data) {
        Saved saved = stations.insert(data, newScanCode()).map(id -> new Saved(id, true)).orElseGet(() -> {
            long existing = stations.findSame(data.ownerOrgId(), data.name(), data.address()).orElseThrow();
            stations.update(existing, data);
            return new Saved(existing, false);
        });
        events.publishEvent(new StationChanged(saved.id()));
        return saved;
    }

    @Transactional
    public Station update(ScopedPrincipal me, long id, StationInput input) {
        row(me, id);
        StationData data = check(me, input);
        stations.findSame(data.ownerOrgId(), data.name(), data.address())
                .filter(other -> other != id)
                .ifPresent(other -> {
                    throw ValidationFailure.of("name", "DUPLICATE");
                });
        stations.update(id, data);
        events.publishEvent(new StationChanged(id));
        return view(stations.findById(id).orElseThrow());
    }

    /**
     * Moves a station to its next status. BUILT requests the grant its kind is funded with (refused when the
     * district's budget for the year would be overspent); ACCEPTED releases it; CLOSED before acceptance cancels it.
     */
    @Transactional
    public Station changeStatus(ScopedPrincipal me, long id, StationStatus target) {
        StationRow station = row(me, id);
        if (target == null || !station.status().canMoveTo(target)) {
            throw ValidationFailure.of("status", "STATUS_TRANSITION_NOT_ALLOWED");
        }
        if (!stations.changeStatus(id, station.status(), target, me.username())) {
            throw ValidationFailure.of("status", "CHANGED_BY_SOMEONE_ELSE");
        }
        switch (target) {
            case BUILT -> funding.requestGrant(station.id(), station.ownerOrgId(), station.kindCode(), me.username());
            case ACCEPTED -> funding.releaseGrant(station.id(), me.username());
            case CLOSED -> funding.cancelGrant(station.id(), me.username());
            default -> { }
        }
        events.publishEvent(new StationChanged(id));
        return view(stations.findById(id).orElseThrow());
    }

    /** Keeps the stations' copies of their owner's path current when a subtree moves. */
    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        stations.rebasePaths(moved.oldPath(), moved.newPath());
    }

    String scopePath(ScopedPrincipal me) {
        return tree.get(me.scope(), me.scope().rootOrgId()).path();
    }

    StationRow row(ScopedPrincipal me, long id) {
        return stations.findInScope(scopePath(me), id).orElseThrow(() -> new NotFoundException("Station " + id));
    }

    Station view(StationRow row) {
        return viewer().apply(row);
    }

    /** Views many rows, looking each owner's name up once for all of them (a search page, an export). */
    Function<StationRow, Station> viewer() {
        Map<Long, String> ownerNames = new HashMap<>();
        return row -> view(row, ownerNames.computeIfAbsent(row.ownerOrgId(),
                id -> tree.find(id).map(OrgUnit::name).orElse("")));
    }

    private static Station view(StationRow row, String ownerName) {
        return new Station(row.id(), row.name(), row.kindCode(), row.ownerOrgId(), ownerName, row.hostTypeCode(),
                row.hostName(), row.address(), row.lat(), row.lng(), row.amenities(), row.parkingFreeMinutes(),
                row.capacity(), row.closedOnHolidays(), row.status(), row.contactName(), row.contactPhone(),
                row.photoUrls(), row.scanCode(), HoursText.formatWeek(row.hours().week()),
                HoursText.formatExceptions(row.hours().exceptions()));
    }

    private StationData check(ScopedPrincipal me, StationInput input) {
        var errors = new ValidationFailure.Collector();
        String name = text(input.name(), "name", 100, true, errors);
        if (input.kindCode() == null || input.kindCode().isBlank()) {
            errors.add("kindCode", "REQUIRED");
        } else if (!codes.isKind(input.kindCode())) {
            errors.add("kindCode", "UNKNOWN_CODE");
        }
        OrgUnit owner = null;
        if (input.ownerOrgId() == null) {
            errors.add("ownerOrgId", "REQUIRED");
        } else if (!tree.covers(me.scope(), input.ownerOrgId())) {
            errors.add("ownerOrgId", "NOT_FOUND");
        } else {
            owner = tree.find(input.ownerOrgId()).orElseThrow();
        }
        String hostType = Texts.blankToNull(input.hostTypeCode());
        if (hostType != null && !codes.isHostType(hostType)) {
            errors.add("hostTypeCode", "UNKNOWN_CODE");
        }
        String hostName = text(input.hostName(), "hostName", 100, false, errors);
        String address = text(input.address(), "address", 200, true, errors);
        GeoMath.LatLng position = position(input, errors);
        List<String> amenities = new ArrayList<>();
        for (String amenity : input.amenities() == null ? List.<String>of() : input.amenities()) {
            if (!codes.isAmenity(amenity)) {
                errors.add("amenities", "UNKNOWN_CODE");
            } else if (!amenities.contains(amenity)) {
                amenities.add(amenity);
            }
        }
        if (input.parkingFreeMinutes() != null && input.parkingFreeMinutes() <= 0) {
            errors.add("parkingFreeMinutes", "NOT_POSITIVE");
        }
        if (input.capacity() != null && input.capacity() < 0) {
            errors.add("capacity", "NEGATIVE");
        }
        String contactName = text(input.contactName(), "contactName", 50, false, errors);
        String contactPhone = Texts.blankToNull(input.contactPhone());
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            errors.add("contactPhone", "FORMAT");
        }
        List<String> photos = input.photoUrls() == null ? List.of()
                : input.photoUrls().stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
        if (photos.size() > 10 || photos.stream().anyMatch(u -> !URL.matcher(u).matches())) {
            errors.add("photoUrls", "FORMAT");
        }
        OpeningHours hours = hours(input, errors);
        errors.throwIfAny();
        return new StationData(name, input.kindCode(), owner.id(), owner.path(), hostType, hostName, address,
                scaled(position.lat()), scaled(position.lng()), amenities, input.parkingFreeMinutes(),
                input.capacity(), hours.closedOnHolidays(), contactName, contactPhone, photos, hours);
    }

    private static GeoMath.LatLng position(StationInput input, ValidationFailure.Collector errors) {
        String crs = input.crs() == null || input.crs().isBlank() ? "GCJ02" : input.crs().strip().toUpperCase(Locale.ROOT);
        if (!crs.equals("GCJ02") && !crs.equals("WGS84")) {
            errors.add("crs", "UNKNOWN_CODE");
        }
        if (input.lat() == null) {
            errors.add("lat", "REQUIRED");
        } else if (input.lat().compareTo(BigDecimal.valueOf(3)) < 0 || input.lat().compareTo(BigDecimal.valueOf(54)) > 0) {
            errors.add("lat", "OUT_OF_RANGE");
        }
        if (input.lng() == null) {
            errors.add("lng", "REQUIRED");
        } else if (input.lng().compareTo(BigDecimal.valueOf(73)) < 0
                || input.lng().compareTo(BigDecimal.valueOf(136)) > 0) {
            errors.add("lng", "OUT_OF_RANGE");
        }
        if (errors.has("lat") || errors.has("lng")) {
            return new GeoMath.LatLng(0, 0);
        }
        double lat = input.lat().doubleValue();
        double lng = input.lng().doubleValue();
        return crs.equals("WGS84") ? GeoMath.wgs84ToGcj02(lat, lng) : new GeoMath.LatLng(lat, lng);
    }

    private static OpeningHours hours(StationInput input, ValidationFailure.Collector errors) {
        var week = java.util.Map.<java.time.DayOfWeek, List<OpeningHours.Interval>>of();
        var exceptions = java.util.Map.<LocalDate, List<OpeningHours.Interval>>of();
        if (input.weeklyHours() == null || input.weeklyHours().isBlank()) {
            errors.add("weeklyHours", "REQUIRED");
        } else {
            try {
                week = HoursText.parseWeek(input.weeklyHours());
            } catch (InvalidValueException e) {
                errors.add("weeklyHours", e.problem().name());
            }
        }
        try {
            exceptions = HoursText.parseExceptions(input.hoursExceptions());
        } catch (InvalidValueException e) {
            errors.add("hoursExceptions", e.problem().name());
        }
        return new OpeningHours(week, exceptions, Boolean.TRUE.equals(input.closedOnHolidays()));
    }

    private static String text(String raw, String field, int max, boolean required, ValidationFailure.Collector errors) {
        String value = Texts.blankToNull(raw);
        if (value == null) {
            if (required) {
                errors.add(field, "REQUIRED");
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(field, "TOO_LONG");
        }
        return value;
    }

    private static BigDecimal scaled(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }

    private String newScanCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = SCAN_ALPHABET[random.nextInt(SCAN_ALPHABET.length)];
        }
        return new String(code);
    }
}
