package org.unionhub.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.identity.PartnerStep;

@Repository
public class PartnerTokenRepository {

    /** A token as stored: only its hash, never the token itself. */
    public record PartnerTokenRow(long id, long accountId, String label, Set<PartnerStep> allowedSteps,
            Instant createdAt, String createdBy, Instant revokedAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    public PartnerTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long accountId, String tokenHash, String label, Set<PartnerStep> steps, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO partner_token (account_id, token_hash, label, allowed_steps, created_by)
                        VALUES (:a, :h, :l, :s, :by) RETURNING id
                        """)
                .param("a", accountId)
                .param("h", tokenHash)
                .param("l", label)
                .param("s", steps.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("by", createdBy)
                .query(Long.class)
                .single();
    }

    /** A live (not revoked) token by its hash; marks it used. */
    public Optional<PartnerTokenRow> useActive(String tokenHash, Instant now) {
        return jdbc.sql("""
                        UPDATE partner_token SET last_used_at = :now
                         WHERE token_hash = :h AND revoked_at IS NULL
                        RETURNING *
                        """)
                .param("h", tokenHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<PartnerTokenRow> findByAccount(long accountId) {
        return jdbc.sql("SELECT * FROM partner_token WHERE account_id = :a ORDER BY created_at DESC")
                .param("a", accountId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<PartnerTokenRow> findById(long id) {
        return jdbc.sql("SELECT * FROM partner_token WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE partner_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    private static PartnerTokenRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] steps = (String[]) rs.getArray("allowed_steps").getArray();
        return new PartnerTokenRow(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("label"),
                Arrays.stream(steps).map(PartnerStep::valueOf).collect(Collectors.toSet()),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("created_by"),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
