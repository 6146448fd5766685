package org.unionhub.station.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.station.StationStatus;
import org.unionhub.station.domain.OpeningHours;
import org.unionhub.station.domain.OpeningHours.Interval;

/** SQL for stations, their hours, status history and visits. Scope is by the owner's copied path. */
@Repository
public class StationRepository {

    /** A station row with its hours, as stored. */
    public record StationRow(long id, String name, String kindCode, long ownerOrgId, String ownerOrgPath,
            String hostTypeCode, String hostName, String address, BigDecimal lat, BigDecimal lng,
            List<String> amenities, Integer parkingFreeMinutes, Integer capacity, boolean closedOnHolidays,
            StationStatus status, String contactName, String contactPhone, List<String> photoUrls, String scanCode,
            OpeningHours hours) {
    }

    /** The fields written on insert and update. */
    public record StationData(String name, String kindCode, long ownerOrgId, String ownerOrgPath,
            String hostTypeCode, String hostName, String address, BigDecimal lat, BigDecimal lng,
            List<String> amenities, Integer parkingFreeMinutes, Integer capacity, boolean closedOnHolidays,
            String contactName, String contactPhone, List<String> photoUrls, OpeningHours hours) {
    }

    private static final int FETCH_SIZE = 2000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    public StationRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(fetching);
    }

    public Optional<StationRow> findInScope(String scopePath, long id) {
        List<StationRow> rows = select("WHERE s.id = :id AND s.owner_org_path LIKE :scope || '%'",
                Map.of("id", id, "scope", scopePath));
        return rows.stream().findFirst();
    }

    public Optional<StationRow> findById(long id) {
        return select("WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Optional<StationRow> findByScanCode(String scanCode) {
        return select("WHERE s.scan_code = :code", Map.of("code", scanCode)).stream().findFirst();
    }

    public List<StationRow> search(String scopePath, String text, String kindCode, StationStatus status, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scopePath);
        params.put("text", text);
        params.put("kind", kindCode);
        params.put("status", status == null ? null : status.name());
        params.put("limit", limit);
        return select("""
                WHERE s.owner_org_path ~>=~ :scope AND s.owner_org_path ~<~ (left(:scope, -1) || '0')
                  AND (CAST(:text AS TEXT) IS NULL OR s.name LIKE '%' || :text || '%' OR s.address LIKE '%' || :text || '%')
                  AND (CAST(:kind AS TEXT) IS NULL OR s.kind_code = :kind)
                  AND (CAST(:status AS TEXT) IS NULL OR s.status = :status)
                ORDER BY s.name LIMIT :limit
                """, params);
    }

    /**
     * Streams every station in scope (exports) in batches, without holding them all; call inside a transaction so
     * that PostgreSQL fetches through a cursor.
     */
    public void forEachInScope(String scopePath, Consumer<StationRow> action) {
        stream("""
                WHERE s.owner_org_path ~>=~ :scope AND s.owner_org_path ~<~ (left(:scope, -1) || '0')
                ORDER BY s.id
                """, Map.of("scope", scopePath), action);
    }

    /** Streams the stations workers can use, for the finder's index; inside a transaction, as above. */
    public void forEachInService(Consumer<StationRow> action) {
        stream("WHERE s.status IN ('BUILT', 'ACCEPTED') ORDER BY s.id", Map.of(), action);
    }

    private void stream(String where, Map<String, ?> params, Consumer<StationRow> action) {
        List<StationRow> batch = new ArrayList<>(FETCH_SIZE);
        try (var rows = streaming.sql(selectSql(where)).params(params).query(this::mapWithoutHours).stream()) {
            rows.forEach(row -> {
                batch.add(row);
                if (batch.size() == FETCH_SIZE) {
                    withHours(batch).forEach(action);
                    batch.clear();
                }
            });
        }
        withHours(batch).forEach(action);
    }

    /** Counts by district (the second id in the owner's path) and kind, inside the scope. */
    public List<CountRow> countByDistrictAndKind(String scopePath) {
        return jdbc.sql("""
                        SELECT NULLIF(split_part(owner_org_path, '/', 3), '')::bigint AS district, kind_code, status,
                               count(*) AS n
                          FROM station WHERE owner_org_path ~>=~ :scope AND owner_org_path ~<~ (left(:scope, -1) || '0')
                         GROUP BY 1, 2, 3
                        """)
                .param("scope", scopePath)
                .query((rs, n) -> new CountRow(rs.getObject("district", Long.class), rs.getString("kind_code"),
                        StationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
    }

    /** One cell of the counts table. */
    public record CountRow(Long districtOrgId, String kindCode, StationStatus status, long count) {
    }

    /** The middle of a street's stations in service, where a worker without GPS can search from. */
    public record StreetPoint(long streetOrgId, double lat, double lng, long stations) {
    }

    public List<StreetPoint> streetPoints() {
        return jdbc.sql("""
                        SELECT street, avg(lat) AS lat, avg(lng) AS lng, count(*) AS n
                          FROM (SELECT NULLIF(split_part(owner_org_path, '/', 4), '')::bigint AS street, lat, lng
                                  FROM station WHERE status IN ('BUILT', 'ACCEPTED')) s
                         WHERE street IS NOT NULL
                         GROUP BY street
                        """)
                .query((rs, n) -> new StreetPoint(rs.getLong("street"), rs.getDouble("lat"), rs.getDouble("lng"),
                        rs.getLong("n")))
                .list();
    }

    /** A station already registered by the same union under the same name at the same address. */
    public Optional<Long> findSame(long ownerOrgId, String name, String address) {
        return jdbc.sql("SELECT id FROM station WHERE owner_org_id = :o AND name = :n AND address = :a")
                .param("o", ownerOrgId)
                .param("n", name)
                .param("a", address)
                .query(Long.class)
                .optional();
    }

    /** Inserts a new station; empty when the same union already has one of that name at that address. */
    public Optional<Long> insert(StationData data, String scanCode) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO station (name, kind_code, owner_org_id, owner_org_path, host_type_code, host_name,
                               address, lat, lng, amenities, parking_free_minutes, capacity, closed_on_holidays,
                               contact_name, contact_phone, photo_urls, scan_code)
                        VALUES (:name, :kind, :owner, :path, :hostType, :hostName, :address, :lat, :lng, :amenities,
                                :parking, :capacity, :closedOnHolidays, :contactName, :contactPhone, :photos, :scan)
                        ON CONFLICT (owner_org_id, name, address) DO NOTHING
                        RETURNING id
                        """)
                .params(params(data))
                .param("scan", scanCode)
                .query(Long.class)
                .optional();
        id.ifPresent(inserted -> writeHours(inserted, data));
        return id;
    }

    public void update(long id, StationData data) {
        Map<String, Object> params = params(data);
        params.put("id", id);
        jdbc.sql("""
                        UPDATE station SET name = :name, kind_code = :kind, owner_org_id = :owner,
                               owner_org_path = :path, host_type_code = :hostType, host_name = :hostName,
                               address = :address, lat = :lat, lng = :lng, amenities = :amenities,
                               parking_free_minutes = :parking, capacity = :capacity,
                               closed_on_holidays = :closedOnHolidays, contact_name = :contactName,
                               contact_phone = :contactPhone, photo_urls = :photos, updated_at = now(),
                               version = version + 1
                         WHERE id = :id
                        """)
                .params(params)
                .update();
        jdbc.sql("DELETE FROM station_hours WHERE station_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM station_hours_exception WHERE station_id = :id").param("id", id).update();
        writeHours(id, data);
    }

    /** Moves a station to a new status if it is still in {@code from}; false when someone else moved it first. */
    public boolean changeStatus(long id, StationStatus from, StationStatus to, String by) {
        int changed = jdbc.sql("""
                        UPDATE station SET status = :to, updated_at = now(), version = version + 1
                         WHERE id = :id AND status = :from
                        """)
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .update();
        if (changed == 1) {
            jdbc.sql("INSERT INTO station_status_change (station_id, from_status, to_status, by_user) "
                            + "VALUES (:id, :from, :to, :by)")
                    .param("id", id)
                    .param("from", from.name())
                    .param("to", to.name())
                    .param("by", by)
                    .update();
        }
        return changed == 1;
    }

    /** One status change, for the station's history. */
    public record StatusChange(StationStatus from, StationStatus to, Instant at, String by) {
    }

    public List<StatusChange> statusHistory(long id) {
        return jdbc.sql("SELECT * FROM station_status_change WHERE station_id = :id ORDER BY at, id")
                .param("id", id)
                .query((rs, n) -> new StatusChange(
                        rs.getString("from_status") == null ? null : StationStatus.valueOf(rs.getString("from_status")),
                        StationStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("by_user")))
                .list();
    }

    public int rebasePaths(String oldPrefix, String newPrefix) {
        return jdbc.sql("""
                        UPDATE station SET owner_org_path = :newPrefix || substr(owner_org_path, length(:oldPrefix) + 1)
                         WHERE owner_org_path ~>=~ :oldPrefix AND owner_org_path ~<~ (left(:oldPrefix, -1) || '0')
                        """)
                .param("oldPrefix", oldPrefix)
                .param("newPrefix", newPrefix)
                .update();
    }

    /** Counts a scan; a second scan by the same device on the same day is not counted again. */
    public boolean recordVisit(long stationId, String visitorKey, LocalDate date, Instant at) {
        return jdbc.sql("""
                        INSERT INTO station_visit (station_id, visitor_key, visit_date, visited_at)
                        VALUES (:s, :v, :d, :at) ON CONFLICT DO NOTHING
                        """)
                .param("s", stationId)
                .param("v", visitorKey)
                .param("d", date)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    public long visitsSince(long stationId, LocalDate from) {
        return jdbc.sql("SELECT count(*) FROM station_visit WHERE station_id = :s AND visit_date >= :d")
                .param("s", stationId)
                .param("d", from)
                .query(Long.class)
                .single();
    }

    public Set<LocalDate> publicHolidays() {
        return new HashSet<>(jdbc.sql("SELECT on_date FROM public_holiday").query(LocalDate.class).list());
    }

    private void writeHours(long id, StationData data) {
        data.hours().week().forEach((day, intervals) -> intervals.forEach(interval ->
                jdbc.sql("INSERT INTO station_hours (station_id, weekday, opens_min, closes_min) VALUES (:s, :d, :o, :c)")
                        .param("s", id)
                        .param("d", day.getValue())
                        .param("o", interval.opensMinute())
                        .param("c", interval.closesMinute())
                        .update()));
        data.hours().exceptions().forEach((date, intervals) -> {
            List<Interval> rows = intervals.isEmpty() ? java.util.Collections.singletonList(null) : intervals;
            for (Interval interval : rows) {
                jdbc.sql("""
                                INSERT INTO station_hours_exception (station_id, on_date, closed, opens_min, closes_min)
                                VALUES (:s, :d, :closed, :o, :c)
                                """)
                        .param("s", id)
                        .param("d", date)
                        .param("closed", interval == null)
                        .param("o", interval == null ? null : interval.opensMinute())
                        .param("c", interval == null ? null : interval.closesMinute())
                        .update();
            }
        });
    }

    private List<StationRow> select(String where, Map<String, ?> params) {
        List<StationRow> rows = jdbc.sql(selectSql(where)).params(params).query(this::mapWithoutHours).list();
        return withHours(rows);
    }

    private static String selectSql(String where) {
        return "SELECT s.* FROM station s " + where;
    }

    /** Attaches weekly hours and exceptions to a batch of rows with two queries. */
    private List<StationRow> withHours(List<StationRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] ids = rows.stream().map(StationRow::id).toArray(Long[]::new);
        Map<Long, Map<DayOfWeek, List<Interval>>> weeks = new HashMap<>();
        jdbc.sql("SELECT * FROM station_hours WHERE station_id = ANY(:ids) ORDER BY station_id, weekday, opens_min")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    weeks.computeIfAbsent(rs.getLong("station_id"), k -> new EnumMap<>(DayOfWeek.class))
                            .computeIfAbsent(DayOfWeek.of(rs.getInt("weekday")), d -> new ArrayList<>())
                            .add(new Interval(rs.getInt("opens_min"), rs.getInt("closes_min")));
                });
        Map<Long, Map<LocalDate, List<Interval>>> exceptions = new HashMap<>();
        jdbc.sql("SELECT * FROM station_hours_exception WHERE station_id = ANY(:ids)")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    List<Interval> day = exceptions.computeIfAbsent(rs.getLong("station_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getObject("on_date", LocalDate.class), d -> new ArrayList<>());
                    if (!rs.getBoolean("closed")) {
                        day.add(new Interval(rs.getInt("opens_min"), rs.getInt("closes_min")));
                    }
                });
        List<StationRow> result = new ArrayList<>(rows.size());
        for (StationRow row : rows) {
            OpeningHours hours = new OpeningHours(weeks.getOrDefault(row.id(), Map.of()),
                    exceptions.getOrDefault(row.id(), Map.of()), row.closedOnHolidays());
            result.add(new StationRow(row.id(), row.name(), row.kindCode(), row.ownerOrgId(), row.ownerOrgPath(),
                    row.hostTypeCode(), row.hostName(), row.address(), row.lat(), row.lng(), row.amenities(),
                    row.parkingFreeMinutes(), row.capacity(), row.closedOnHolidays(), row.status(),
                    row.contactName(), row.contactPhone(), row.photoUrls(), row.scanCode(), hours));
        }
        return result;
    }

    private StationRow mapWithoutHours(ResultSet rs, int n) throws SQLException {
        return new StationRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind_code"),
                rs.getLong("owner_org_id"),
                rs.getString("owner_org_path"),
                rs.getString("host_type_code"),
                rs.getString("host_name"),
                rs.getString("address"),
                rs.getBigDecimal("lat"),
                rs.getBigDecimal("lng"),
                strings(rs.getArray("amenities")),
                rs.getObject("parking_free_minutes", Integer.class),
                rs.getObject("capacity", Integer.class),
                rs.getBoolean("closed_on_holidays"),
                StationStatus.valueOf(rs.getString("status")),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                strings(rs.getArray("photo_urls")),
                rs.getString("scan_code"),
                null);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Map<String, Object> params(StationData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("kind", d.kindCode());
        p.put("owner", d.ownerOrgId());
        p.put("path", d.ownerOrgPath());
        p.put("hostType", d.hostTypeCode());
        p.put("hostName", d.hostName());
        p.put("address", d.address());
        p.put("lat", d.lat());
        p.put("lng", d.lng());
        p.put("amenities", d.amenities().toArray(String[]::new));
        p.put("parking", d.parkingFreeMinutes());
        p.put("capacity", d.capacity());
        p.put("closedOnHolidays", d.closedOnHolidays());
        p.put("contactName", d.contactName());
        p.put("contactPhone", d.contactPhone());
        p.put("photos", d.photoUrls().toArray(String[]::new));
        return p;
    }
}
