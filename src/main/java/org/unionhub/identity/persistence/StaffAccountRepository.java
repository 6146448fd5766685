package org.unionhub.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.identity.Role;

@Repository
public class StaffAccountRepository {

    /** An account row as stored. */
    public record StaffAccountRow(long id, String username, String displayName, String passwordHash, long orgId,
            String orgPath, Role role, boolean enabled, int failedAttempts, Instant lockedUntil) {

        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    public StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffAccountRow> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM staff_account WHERE username = :u")
                .param("u", username)
                .query(StaffAccountRepository::map)
                .optional();
    }

    public Optional<StaffAccountRow> findById(long id) {
        return jdbc.sql("SELECT * FROM staff_account WHERE id = :id")
                .param("id", id)
                .query(StaffAccountRepository::map)
                .optional();
    }

    /** Accounts bound to a node inside the subtree whose root has the given path. */
    public List<StaffAccountRow> findUnderPath(String scopePath) {
        return jdbc.sql("""
                        SELECT * FROM staff_account
                         WHERE org_path ~>=~ :p AND org_path ~<~ (left(:p, -1) || '0') ORDER BY username
                        """)
                .param("p", scopePath)
                .query(StaffAccountRepository::map)
                .list();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE username = :u)")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    public long insert(String username, String displayName, String passwordHash, long orgId, String orgPath,
            Role role) {
        return jdbc.sql("""
                        INSERT INTO staff_account (username, display_name, password_hash, org_id, org_path, role)
                        VALUES (:u, :d, :p, :o, :path, :r) RETURNING id
                        """)
                .param("path", orgPath)
                .param("u", username)
                .param("d", displayName)
                .param("p", passwordHash)
                .param("o", orgId)
                .param("r", role.name())
                .query(Long.class)
                .single();
    }

    public void update(long id, String displayName, long orgId, String orgPath, Role role, boolean enabled) {
        jdbc.sql("""
                        UPDATE staff_account SET display_name = :d, org_id = :o, org_path = :path, role = :r,
                               enabled = :e, version = version + 1
                         WHERE id = :id
                        """)
                .param("path", orgPath)
                .param("id", id)
                .param("d", displayName)
                .param("o", orgId)
                .param("r", role.name())
                .param("e", enabled)
                .update();
    }

    public void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff_account SET password_hash = :p, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("p", passwordHash)
                .update();
    }

    /**
     * Counts one failed sign-in; the failure that reaches {@code maxFailures} locks the account until
     * {@code lockUntil} and starts the count again. Returns the lock time when this failure locked it.
     */
    public Optional<Instant> recordFailure(long id, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE staff_account
                           SET failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END,
                               locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                         WHERE id = :id
                        RETURNING CASE WHEN failed_attempts = 0 THEN locked_until END AS locked
                        """)
                .param("id", id)
                .param("max", maxFailures)
                .param("until", OffsetDateTime.ofInstant(lockUntil, ZoneOffset.UTC))
                .query((rs, n) -> Optional.ofNullable(rs.getObject("locked", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    public void recordSuccess(long id) {
        jdbc.sql("""
                        UPDATE staff_account SET failed_attempts = 0, locked_until = NULL
                         WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)
                        """)
                .param("id", id)
                .update();
    }

    /** Follows a subtree move: accounts bound inside the moved subtree get the new path prefix. */
    public int rebasePaths(String oldPrefix, String newPrefix) {
        return jdbc.sql("""
                        UPDATE staff_account SET org_path = :newPrefix || substr(org_path, length(:oldPrefix) + 1)
                         WHERE org_path ~>=~ :oldPrefix AND org_path ~<~ (left(:oldPrefix, -1) || '0')
                        """)
                .param("oldPrefix", oldPrefix)
                .param("newPrefix", newPrefix)
                .update();
    }

    public void unlock(long id) {
        recordSuccess(id);
    }

    private static StaffAccountRow map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new StaffAccountRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getLong("org_id"),
                rs.getString("org_path"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }
}
