package org.unionhub.outreach.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the service package catalogue ({@code service_package_item}). */
@Repository
public class ServiceItemRepository {

    private final JdbcClient jdbc;

    public ServiceItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored item; {@code ownerPath} is the keeping union's path. */
    public record ItemRow(long id, long ownerOrgId, String ownerPath, String name, String description,
            boolean active) {
    }

    public Optional<ItemRow> find(long id) {
        return jdbc.sql("SELECT * FROM service_package_item WHERE id = :id")
                .param("id", id)
                .query(ServiceItemRepository::map)
                .optional();
    }

    /** The items with these ids, whoever keeps them. */
    public List<ItemRow> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM service_package_item WHERE id IN (:ids) ORDER BY owner_path, name")
                .param("ids", ids)
                .query(ServiceItemRepository::map)
                .list();
    }

    /** Items kept by the given unions, active ones first, by name. */
    public List<ItemRow> ownedBy(Collection<Long> ownerIds, boolean activeOnly) {
        return jdbc.sql("""
                        SELECT * FROM service_package_item
                         WHERE owner_org_id IN (:owners) AND (active OR NOT :activeOnly)
                         ORDER BY active DESC, owner_path, name
                        """)
                .param("owners", ownerIds)
                .param("activeOnly", activeOnly)
                .query(ServiceItemRepository::map)
                .list();
    }

    /** Items kept by unions of a subtree, active ones first. */
    public List<ItemRow> inSubtree(String path) {
        return jdbc.sql("""
                        SELECT * FROM service_package_item
                         WHERE owner_path ~>=~ :path AND owner_path ~<~ (left(:path, -1) || '0')
                         ORDER BY active DESC, owner_path, name
                        """)
                .param("path", path)
                .query(ServiceItemRepository::map)
                .list();
    }

    public boolean nameTaken(long ownerOrgId, String name, Long exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM service_package_item
                                        WHERE owner_org_id = :owner AND name = :name AND id IS DISTINCT FROM :id)
                        """)
                .param("owner", ownerOrgId)
                .param("name", name)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    public long insert(long ownerOrgId, String ownerPath, String name, String description, String by) {
        return jdbc.sql("""
                        INSERT INTO service_package_item (owner_org_id, owner_path, name, description, created_by)
                        VALUES (:owner, :path, :name, :description, :by) RETURNING id
                        """)
                .param("owner", ownerOrgId)
                .param("path", ownerPath)
                .param("name", name)
                .param("description", description)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public void update(long id, String name, String description, boolean active) {
        jdbc.sql("""
                        UPDATE service_package_item
                           SET name = :name, description = :description, active = :active, updated_at = now()
                         WHERE id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("active", active)
                .update();
    }

    /** Rewrites the copied owner paths of a moved subtree. */
    public int rebasePaths(String oldPath, String newPath) {
        return jdbc.sql("""
                        UPDATE service_package_item SET owner_path = :newPath || substr(owner_path, length(:oldPath) + 1)
                         WHERE owner_path ~>=~ :oldPath AND owner_path ~<~ (left(:oldPath, -1) || '0')
                        """)
                .param("oldPath", oldPath)
                .param("newPath", newPath)
                .update();
    }

    private static ItemRow map(ResultSet rs, int row) throws SQLException {
        return new ItemRow(rs.getLong("id"), rs.getLong("owner_org_id"), rs.getString("owner_path"),
                rs.getString("name"), rs.getString("description"), rs.getBoolean("active"));
    }
}
