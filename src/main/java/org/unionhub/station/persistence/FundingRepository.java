package org.unionhub.station.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.common.Money;
import org.unionhub.station.GrantStatus;
import org.unionhub.station.StationGrant;

/** Funding standards, district budgets and station grants. */
@Repository
public class FundingRepository {

    /** One standard: the city's default when {@code districtOrgId} is null. */
    public record StandardRow(long id, Long districtOrgId, int year, String kindCode, Money amount) {
    }

    private final JdbcClient jdbc;

    public FundingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The district's own standard for the year, else the city's for the year. */
    public Optional<Money> standardFor(long districtOrgId, int year, String kindCode) {
        return jdbc.sql("""
                        SELECT amount FROM funding_standard
                         WHERE year = :year AND kind_code = :kind
                           AND (district_org_id = :district OR district_org_id IS NULL)
                         ORDER BY district_org_id NULLS LAST LIMIT 1
                        """)
                .param("district", districtOrgId)
                .param("year", year)
                .param("kind", kindCode)
                .query((rs, n) -> Money.of(rs.getBigDecimal("amount")))
                .optional();
    }

    public List<StandardRow> standards(Long districtOrgId, int year) {
        return jdbc.sql("""
                        SELECT * FROM funding_standard
                         WHERE year = :year AND (district_org_id IS NULL OR district_org_id = :district)
                         ORDER BY kind_code, district_org_id NULLS FIRST
                        """)
                .param("district", districtOrgId)
                .param("year", year)
                .query((rs, n) -> new StandardRow(rs.getLong("id"), rs.getObject("district_org_id", Long.class),
                        rs.getInt("year"), rs.getString("kind_code"), Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    public void saveStandard(Long districtOrgId, int year, String kindCode, Money amount) {
        jdbc.sql("""
                        INSERT INTO funding_standard (district_org_id, year, kind_code, amount)
                        VALUES (:district, :year, :kind, :amount)
                        ON CONFLICT (coalesce(district_org_id, 0), year, kind_code) DO UPDATE SET amount = EXCLUDED.amount
                        """)
                .param("district", districtOrgId)
                .param("year", year)
                .param("kind", kindCode)
                .param("amount", amount.amount())
                .update();
    }

    public void saveBudget(long districtOrgId, int year, Money amount) {
        jdbc.sql("""
                        INSERT INTO district_budget (district_org_id, year, amount) VALUES (:district, :year, :amount)
                        ON CONFLICT (district_org_id, year) DO UPDATE SET amount = EXCLUDED.amount
                        """)
                .param("district", districtOrgId)
                .param("year", year)
                .param("amount", amount.amount())
                .update();
    }

    /** The budget row, locked until the transaction ends so that two grants cannot both take the last yuan. */
    public Optional<Money> lockBudget(long districtOrgId, int year) {
        return jdbc.sql("SELECT amount FROM district_budget WHERE district_org_id = :d AND year = :y FOR UPDATE")
                .param("d", districtOrgId)
                .param("y", year)
                .query((rs, n) -> Money.of(rs.getBigDecimal("amount")))
                .optional();
    }

    public Optional<Money> budget(long districtOrgId, int year) {
        return jdbc.sql("SELECT amount FROM district_budget WHERE district_org_id = :d AND year = :y")
                .param("d", districtOrgId)
                .param("y", year)
                .query((rs, n) -> Money.of(rs.getBigDecimal("amount")))
                .optional();
    }

    /** Requested and released grants of a district and year. */
    public Money committed(long districtOrgId, int year) {
        BigDecimal sum = jdbc.sql("""
                        SELECT coalesce(sum(amount), 0) FROM station_grant
                         WHERE district_org_id = :d AND year = :y AND status IN ('REQUESTED', 'RELEASED')
                        """)
                .param("d", districtOrgId)
                .param("y", year)
                .query(BigDecimal.class)
                .single();
        return Money.of(sum);
    }

    public void insertGrant(long stationId, long districtOrgId, int year, Money amount, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO station_grant (station_id, district_org_id, year, amount, status, requested_at,
                               requested_by)
                        VALUES (:s, :d, :y, :amount, 'REQUESTED', :at, :by)
                        """)
                .param("s", stationId)
                .param("d", districtOrgId)
                .param("y", year)
                .param("amount", amount.amount())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }

    public boolean setGrantStatus(long stationId, GrantStatus from, GrantStatus to, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE station_grant SET status = :to,
                               released_at = CASE WHEN :to = 'RELEASED' THEN :at ELSE released_at END,
                               released_by = CASE WHEN :to = 'RELEASED' THEN :by ELSE released_by END
                         WHERE station_id = :s AND status = :from
                        """)
                .param("s", stationId)
                .param("from", from.name())
                .param("to", to.name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update() == 1;
    }

    public Optional<StationGrant> grantOf(long stationId) {
        return jdbc.sql("SELECT * FROM station_grant WHERE station_id = :s")
                .param("s", stationId)
                .query((rs, n) -> new StationGrant(rs.getLong("station_id"), rs.getLong("district_org_id"),
                        rs.getInt("year"), Money.of(rs.getBigDecimal("amount")),
                        GrantStatus.valueOf(rs.getString("status")),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("requested_by"),
                        rs.getObject("released_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("released_at", OffsetDateTime.class).toInstant(),
                        rs.getString("released_by")))
                .optional();
    }
}
