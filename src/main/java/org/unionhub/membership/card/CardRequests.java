package org.unionhub.membership.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.membership.CardStatus;
import org.unionhub.membership.MemberView;
import org.unionhub.membership.card.domain.CardNumbers;

/** SQL for the card outbox ({@code card_request}) and what the e-card reads of members and applications. */
@Repository
public class CardRequests {

    /** A request the worker is about to send, locked by its transaction. */
    record Due(long id, String memberNo, String name, int attempts) {
    }

    /** The member an application made, if it was approved; and the hash of the application's access secret. */
    record ApprovedMember(String applicationStatus, byte[] accessHash, Long memberId, String memberNo, String name,
            Long unionId, LocalDate joinedOn, String status) {
    }

    private final JdbcClient jdbc;

    CardRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The card of the person this member is: requests are per person, so a member who left and joined again keeps
     * the card.
     */
    public MemberView.Card cardOf(long memberId) {
        return jdbc.sql("""
                        SELECT c.status, c.card_last_four
                          FROM member m JOIN card_request c ON c.id_hash = m.id_hash
                         WHERE m.id = :id
                        """)
                .param("id", memberId)
                .query((rs, i) -> card(rs.getString("status"), rs.getString("card_last_four")))
                .optional()
                .orElse(new MemberView.Card(CardStatus.NOT_REQUESTED, null));
    }

    /** Requests the card of this member's person, due at once; false when the person has one requested already. */
    boolean request(String memberNo, Instant at) {
        return jdbc.sql("""
                        INSERT INTO card_request (member_id, member_no, id_hash, next_attempt_at)
                        SELECT id, member_no, id_hash, :at FROM member WHERE member_no = :memberNo
                        ON CONFLICT (id_hash) DO NOTHING
                        """)
                .param("memberNo", memberNo)
                .param("at", utc(at))
                .update() == 1;
    }

    /**
     * The most overdue request that is not issued, locked until the transaction ends; requests that another worker
     * holds are skipped, so no request is ever sent twice at once.
     */
    Optional<Due> lockNextDue(Instant now) {
        return jdbc.sql("""
                        SELECT c.id, c.member_no, m.name, c.attempts
                          FROM card_request c JOIN member m ON m.id = c.member_id
                         WHERE c.status <> 'ISSUED' AND c.next_attempt_at <= :now
                         ORDER BY c.next_attempt_at
                         LIMIT 1
                           FOR UPDATE OF c SKIP LOCKED
                        """)
                .param("now", utc(now))
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("member_no"), rs.getString("name"),
                        rs.getInt("attempts")))
                .optional();
    }

    void markIssued(long id, byte[] numberEnc, String lastFour, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE card_request
                           SET status = 'ISSUED', card_number_enc = :enc, card_last_four = :lastFour, issued_at = :at,
                               next_attempt_at = NULL, last_error = NULL
                         WHERE id = :id AND status <> 'ISSUED'
                        """)
                .param("id", id)
                .param("enc", numberEnc)
                .param("lastFour", lastFour)
                .param("at", utc(at))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Card request " + id + " was issued by someone else while locked");
        }
    }

    void scheduleRetry(long id, int attempts, Instant next, String error) {
        jdbc.sql("""
                        UPDATE card_request
                           SET status = 'RETRYING', attempts = :attempts, next_attempt_at = :next, last_error = :error
                         WHERE id = :id AND status <> 'ISSUED'
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("next", utc(next))
                .param("error", error)
                .update();
    }

    Optional<ApprovedMember> approvedMember(String applicationNo) {
        return jdbc.sql("""
                        WITH RECURSIVE continued AS (
                                SELECT m.*, 0 AS step
                                  FROM membership_application a JOIN member m ON m.member_no = a.member_no
                                 WHERE a.application_no = :no
                            UNION ALL
                                SELECT n.*, c.step + 1
                                  FROM continued c JOIN member n ON n.previous_member_id = c.id)
                        SELECT a.status AS application_status, a.access_hash, m.id AS member_id, m.member_no, m.name,
                               m.union_id, m.joined_on, m.status
                          FROM membership_application a
                          LEFT JOIN LATERAL (SELECT * FROM continued ORDER BY step DESC LIMIT 1) m ON true
                         WHERE a.application_no = :no
                        """)
                .param("no", applicationNo)
                .query((rs, i) -> new ApprovedMember(rs.getString("application_status"), rs.getBytes("access_hash"),
                        rs.getObject("member_id", Long.class), rs.getString("member_no"), rs.getString("name"),
                        rs.getObject("union_id", Long.class), rs.getObject("joined_on", LocalDate.class),
                        rs.getString("status")))
                .optional();
    }

    /** The current status of a membership (ACTIVE …), if there is a member of this number. */
    Optional<String> memberStatus(String memberNo) {
        return jdbc.sql("SELECT status FROM member WHERE member_no = :n")
                .param("n", memberNo).query(String.class).optional();
    }

    private static MemberView.Card card(String status, String lastFour) {
        return new MemberView.Card(CardStatus.valueOf(status), lastFour == null ? null : CardNumbers.masked(lastFour));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
