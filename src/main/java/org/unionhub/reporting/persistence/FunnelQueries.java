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
        Figures sums = jdbc.sql("SELECT " + SUMS + " FROM funnel_day WHERE org_path = :path AND day BETWEEN :from AND :to")
                .param("path", path).param("from", from).param("to", to)
                .query(FunnelQueries::sums).single();
        long covered = jdbc.sql("""
                        SELECT count(DISTINCT enterprise_id) FROM funnel_enterprise_covered
                         WHERE org_path ~>=~ :path AND org_path ~<~ (left(:path, -1) || '0')
                           AND day BETWEEN :from AND :to
                        """)
                .param("path", path).param("from", from).param("to", to).query(Long.class).single();
        return sums.withEnterprisesCovered(covered);
    }

    /** The figures of each of several nodes (children of one node), by path; a node without any row is absent. */
    public Map<String, Figures> figuresOfEach(List<String> paths, LocalDate from, LocalDate to) {
        Map<String, Figures> figures = new HashMap<>();
        String[] array = paths.toArray(String[]::new);
        jdbc.sql("SELECT org_path, " + SUMS + """
                         FROM funnel_day WHERE org_path = ANY(CAST(:paths AS text[])) AND day BETWEEN :from AND :to
                         GROUP BY org_path
                        """)
                .param("paths", array).param("from", from).param("to", to)
                .query(rs -> {
                    figures.put(rs.getString("org_path"), sums(rs, 0));
                });
        jdbc.sql("""
                        SELECT c.path, (SELECT count(DISTINCT e.enterprise_id) FROM funnel_enterprise_covered e
                                         WHERE e.org_path ~>=~ c.path AND e.org_path ~<~ (left(c.path, -1) || '0')
                                           AND e.day BETWEEN :from AND :to) AS covered
                          FROM unnest(CAST(:paths AS text[])) AS c(path)
                        """)
                .param("paths", array).param("from", from).param("to", to)
                .query(rs -> {
                    long covered = rs.getLong("covered");
                    if (covered > 0) {
                        String path = rs.getString("path");
                        figures.put(path, figures.getOrDefault(path, Figures.NONE).withEnterprisesCovered(covered));
                    }
                });
        return figures;
    }

    /**
     * The figures of one node month by month over the days asked; a month without any row is absent. Enterprises
     * covered are counted over distinct (month, enterprise) pairs, hashed rather than sorted.
     */
    public Map<YearMonth, Figures> figuresByMonth(String path, LocalDate from, LocalDate to) {
        Map<YearMonth, Figures> figures = new HashMap<>();
        jdbc.sql("SELECT CAST(date_trunc('month', day) AS date) AS month, " + SUMS + """
                         FROM funnel_day WHERE org_path = :path AND day BETWEEN :from AND :to
                         GROUP BY 1
                        """)
                .param("path", path).param("from", from).param("to", to)
                .query(rs -> {
                    figures.put(YearMonth.from(rs.getDate("month").toLocalDate()), sums(rs, 0));
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
                    figures.put(month, figures.getOrDefault(month, Figures.NONE)
                            .withEnterprisesCovered(rs.getLong("covered")));
                });
        return figures;
    }

    private static Figures sums(ResultSet rs, int row) throws SQLException {
        return new Figures(rs.getLong("worker_sessions"), rs.getLong("workers_reached"), rs.getLong("consultations"),
                rs.getLong("applications"), rs.getLong("members_joined"), rs.getLong("member_records"),
                rs.getLong("enterprise_sessions"), 0, rs.getLong("unions_founded"));
    }
}
