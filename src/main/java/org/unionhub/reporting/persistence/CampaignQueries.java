package org.unionhub.reporting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign days as the funnel's session table knows them: the sessions of a campaign and their own tallies. */
@Repository
public class CampaignQueries {

    /** A campaign's span and size within a subtree. */
    public record CampaignRow(long campaignId, LocalDate firstDay, LocalDate lastDay, int sessions) {
    }

    /** One session of a campaign with its tallies so far. */
    public record CampaignSessionRow(long sessionId, String orgPath, long workersReached, long consultations,
            long applications, long membersJoined) {
    }

    private final JdbcClient jdbc;

    CampaignQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaigns with sessions (not cancelled) in the subtree at {@code path}, latest first. */
    public List<CampaignRow> campaigns(String path, int limit) {
        return jdbc.sql("""
                        SELECT campaign_id, min(held_on) AS first_day, max(held_on) AS last_day, count(*) AS sessions
                          FROM funnel_session
                         WHERE campaign_id IS NOT NULL AND NOT cancelled
                           AND org_path ~>=~ :path AND org_path ~<~ (left(:path, -1) || '0')
                         GROUP BY campaign_id
                         ORDER BY max(held_on) DESC, campaign_id DESC
                         LIMIT :limit
                        """)
                .param("path", path).param("limit", limit)
                .query(CampaignQueries::campaignRow).list();
    }

    /** One campaign's span and size in the subtree at {@code path}; empty when it has no session there. */
    public Optional<CampaignRow> campaign(long campaignId, String path) {
        return jdbc.sql("""
                        SELECT campaign_id, min(held_on) AS first_day, max(held_on) AS last_day, count(*) AS sessions
                          FROM funnel_session
                         WHERE campaign_id = :campaign AND NOT cancelled
                           AND org_path ~>=~ :path AND org_path ~<~ (left(:path, -1) || '0')
                         GROUP BY campaign_id
                        """)
                .param("campaign", campaignId).param("path", path)
                .query(CampaignQueries::campaignRow).optional();
    }

    /** The campaign's sessions (not cancelled) in the subtree at {@code path}, with their tallies. */
    public List<CampaignSessionRow> sessions(long campaignId, String path) {
        return jdbc.sql("""
                        SELECT s.session_id, s.org_path,
                               coalesce(sum(d.workers_reached), 0) AS workers_reached,
                               coalesce(sum(d.consultations), 0) AS consultations,
                               coalesce(sum(d.applications), 0) AS applications,
                               coalesce(sum(d.members_joined), 0) AS members_joined
                          FROM funnel_session s LEFT JOIN funnel_session_day d ON d.session_id = s.session_id
                         WHERE s.campaign_id = :campaign AND NOT s.cancelled
                           AND s.org_path ~>=~ :path AND s.org_path ~<~ (left(:path, -1) || '0')
                         GROUP BY s.session_id, s.org_path
                        """)
                .param("campaign", campaignId).param("path", path)
                .query((rs, n) -> new CampaignSessionRow(rs.getLong("session_id"), rs.getString("org_path"),
                        rs.getLong("workers_reached"), rs.getLong("consultations"), rs.getLong("applications"),
                        rs.getLong("members_joined")))
                .list();
    }

    private static CampaignRow campaignRow(ResultSet rs, int n) throws SQLException {
        return new CampaignRow(rs.getLong("campaign_id"), rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), rs.getInt("sessions"));
    }
}
