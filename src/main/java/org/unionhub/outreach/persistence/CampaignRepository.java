package org.unionhub.outreach.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for campaign days. */
@Repository
public class CampaignRepository {

    /** A campaign with the number of sessions that belong to it. */
    public record CampaignRow(long id, String name, LocalDate heldOn, long orgId, String orgPath, long sessions) {
    }

    private static final String SELECT = """
            SELECT c.id, c.name, c.held_on, c.org_id, c.org_path,
                   (SELECT count(*) FROM outreach_session s WHERE s.campaign_id = c.id) AS sessions
              FROM outreach_campaign c
            """;

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the union already runs a campaign of that name that day; empty then. */
    public Optional<Long> insert(String name, LocalDate heldOn, long orgId, String orgPath, String by) {
        return jdbc.sql("""
                        INSERT INTO outreach_campaign (name, held_on, org_id, org_path, created_by)
                        VALUES (:name, :heldOn, :org, :path, :by)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .param("name", name).param("heldOn", heldOn).param("org", orgId).param("path", orgPath)
                .param("by", by)
                .query(Long.class).optional();
    }

    public Optional<Long> findSame(long orgId, LocalDate heldOn, String name) {
        return jdbc.sql("SELECT id FROM outreach_campaign WHERE org_id = :org AND held_on = :heldOn AND name = :name")
                .param("org", orgId).param("heldOn", heldOn).param("name", name).query(Long.class).optional();
    }

    public Optional<CampaignRow> findById(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(CampaignRow.class).optional();
    }

    /**
     * Campaigns a staff member takes part in: those run by a union above or at their node (the city's day reaches
     * every street) and those run inside their scope; newest first.
     */
    public List<CampaignRow> visibleFrom(String scopePath, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE starts_with(:scope, c.org_path)
                            OR (c.org_path ~>=~ :scope AND c.org_path ~<~ (left(:scope, -1) || '0'))
                         ORDER BY c.held_on DESC, c.id DESC LIMIT :limit
                        """)
                .param("scope", scopePath).param("limit", limit).query(CampaignRow.class).list();
    }

    public int rebasePaths(String oldPrefix, String newPrefix) {
        return jdbc.sql("""
                        UPDATE outreach_campaign SET org_path = :newPrefix || substr(org_path, length(:oldPrefix) + 1)
                         WHERE org_path ~>=~ :oldPrefix AND org_path ~<~ (left(:oldPrefix, -1) || '0')
                        """)
                .param("oldPrefix", oldPrefix).param("newPrefix", newPrefix).update();
    }
}
