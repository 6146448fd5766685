package org.unionhub.reporting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the funnel. A node's figures are the sum of its own rows of {@code funnel_day} over the days asked
 * (those rows already hold the whole subtree), one index range of at most one row per day; enterprises covered are
 * counted distinct over the subtree's path range of {@code funnel_enterprise_covered}.
 */
@Repository
public class FunnelQueries {

    /** Summed figures of one node (or one month of it); enterprises covered distinct over the same days. */
    public record Figures(long workerSessions, long workersReached, long consultations, long applications,
            long membersJoined, long memberRecords, long enterpriseSessions, long enterprisesCovered,
            long unionsFounded) {

        private static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static Figures none() {
            return NONE;
        }

        Figures withEnterprisesCovered(long count) {
            return new Figures(workerSessions, workersReached, consultations, applications, membersJoined,
                    memberRecords, enterpriseSessions, count, unionsFounded);
        }
    }

    private static final String SUMS = """
            coalesce(sum(worker_sessions), 0) AS worker_sessions,
            coalesce(sum(workers_reached), 0) AS workers_reached,
            coalesce(sum(consultations), 0) AS consultations,
            coalesce(sum(applications), 0) AS applications,
            coalesce(sum(members_joined), 0) AS members_joined,
            coalesce(sum(member_records), 0) AS member_records,
            coalesce(sum(enterprise_sessions), 0) AS enterprise_sessions,
            coalesce(sum(unions_founded), 0) AS unions_founded
            """;

    private final JdbcClient jdbc;

    FunnelQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures figures(String path, LocalDate from, LocalDate to) {
        Figures sums = sums(path, from, to);
        long covered = jdbc.sql("""
                        SELECT count(DISTINCT enterprise_id) FROM funnel_enterprise_covered
                         WHERE org_path ~>=~ :path AND org_path ~<~ (left(:path, -1) || '0')
                           AND day BETWEEN :from AND :to
                        """)
                .param("path", path).param("from", from).param("to", to).query(Long.class).single();
        return sums.withEnterprisesCovered(covered);
    }

    /** A node's figures with each child's (by path) and each month's; a child or month without any row is absent. */
    public record Breakdown(Figures total, Map<String, Figures> children, Map<YearMonth, Figures> months) {
    }

    /**
     * The figures of a node over the days asked, of each of its children and of each month. The sums come from the
     * nodes' own rows; the enterprises covered — the costly part — are counted distinct over the subtree's coverings
     * (one index range per child; the months' pairs hashed rather than sorted).
     */
    public Breakdown breakdown(String path, List<String> childPaths, LocalDate from, LocalDate to) {
        String[] paths = childPaths.toArray(String[]::new);
        Map<String, Figures> children = new HashMap<>();
        jdbc.sql("SELECT org_path, " + SUMS + """
                         FROM funnel_day WHERE org_path = ANY(CAST(:paths AS text[])) AND day BETWEEN :from AND :to
                         GROUP BY org_path
                        """)
                .param("paths", paths).param("from", from).param("to", to)
                .query(rs -> {
                    children.put(rs.getString("org_path"), sums(rs, 0));
                });
        Map<YearMonth, Figures> months = new HashMap<>();
        jdbc.sql("SELECT CAST(date_trunc('month', day) AS date) AS month, " + SUMS + """
                         FROM funnel_day WHERE org_path = :path AND day BETWEEN :from AND :to
                         GROUP BY 1
                        """)
                .param("path", path).param("from", from).param("to", to)
                .query(rs -> {
                    months.put(YearMonth.from(rs.getDate("month").toLocalDate()), sums(rs, 0));
                });
        jdbc.sql("""
                        SELECT c.path, (SELECT count(DISTINCT e.enterprise_id) FROM funnel_enterprise_covered e
                                         WHERE e.org_path ~>=~ c.path AND e.org_path ~<~ (left(c.path, -1) || '0')
                                           AND e.day BETWEEN :from AND :to) AS covered
                          FROM unnest(CAST(:paths AS text[])) AS c(path)
                        """)
                .param("paths", paths).param("from", from).param("to", to)
                .query(rs -> {
                    long covered = rs.getLong("covered");
                    if (covered > 0) {
                        String child = rs.getString("path");
                        children.put(child, children.getOrDefault(child, Figures.NONE).withEnterprisesCovered(covered));
                    }
                });
        jdbc.sql("""
                        SELECT month, count(*) AS covered
                          FROM (SELECT DISTINCT CAST(date_trunc('month', CAST(day AS timestamp)) AS date) AS month,
                                       enterprise_id
                                  FROM funnel_enterprise_covered
                                 WHERE org_path ~>=~ :path AND org_path ~<~ (left(:path, -1) || '0')
                                   AND day BETWEEN :from AND :to) c
                         GROUP BY month
                        """)
                .param("path", path).param("from", from).param("to", to)
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
                    months.put(month, months.getOrDefault(month, Figures.NONE)
                            .withEnterprisesCovered(rs.getLong("covered")));
                });
        return new Breakdown(figures(path, from, to), children, months);
    }

    private Figures sums(String path, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + SUMS + " FROM funnel_day WHERE org_path = :path AND day BETWEEN :from AND :to")
                .param("path", path).param("from", from).param("to", to)
                .query(FunnelQueries::sums).single();
    }

    private static Figures sums(ResultSet rs, int row) throws SQLException {
        return new Figures(rs.getLong("worker_sessions"), rs.getLong("workers_reached"), rs.getLong("consultations"),
                rs.getLong("applications"), rs.getLong("members_joined"), rs.getLong("member_records"),
                rs.getLong("enterprise_sessions"), 0, rs.getLong("unions_founded"));
    }
}
