package org.unionhub.outreach.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.outreach.SessionKind;

/**
 * SQL for recording sessions that already took place, many rows per statement (arrays unnested on the server): the
 * sessions, closed, and their consultations by topic.
 */
@Repository
public class SessionBackfillRepository {

    /** Unit separator: joins a session's names into one array element; names never contain it. */
    private static final String SEPARATOR = "\u001f";

    /** A held session as stored; {@code code} is set just before the insert. */
    public record HeldRow(String code, SessionKind kind, long orgId, String orgPath, Long campaignId, String title,
            String place, BigDecimal lat, BigDecimal lng, OffsetDateTime startsAt, OffsetDateTime endsAt,
            LocalDate heldOn, List<String> staffOnDuty, List<String> partners, int workersReached,
            Map<String, Integer> consultations, String recordedBy) {

        public HeldRow withCode(String newCode) {
            return new HeldRow(newCode, kind, orgId, orgPath, campaignId, title, place, lat, lng, startsAt, endsAt,
                    heldOn, staffOnDuty, partners, workersReached, consultations, recordedBy);
        }
    }

    private final JdbcClient jdbc;

    public SessionBackfillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> topics() {
        return jdbc.sql("SELECT code FROM consultation_topic").query(String.class).list();
    }

    /**
     * Inserts the sessions closed (opened when they started, closed when they ended, by whoever recorded them); a
     * session whose code is taken is left out. Answers the id of each session inserted, by code.
     */
    public Map<String, Long> insertClosed(List<HeldRow> rows) {
        int n = rows.size();
        String[] codes = new String[n];
        String[] kinds = new String[n];
        Long[] orgs = new Long[n];
        String[] paths = new String[n];
        Long[] campaigns = new Long[n];
        String[] titles = new String[n];
        String[] places = new String[n];
        String[] lats = new String[n];
        String[] lngs = new String[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        String[] days = new String[n];
        String[] staff = new String[n];
        String[] partners = new String[n];
        Integer[] reached = new Integer[n];
        String[] by = new String[n];
        for (int i = 0; i < n; i++) {
            HeldRow r = rows.get(i);
            codes[i] = r.code();
            kinds[i] = r.kind().name();
            orgs[i] = r.orgId();
            paths[i] = r.orgPath();
            campaigns[i] = r.campaignId();
            titles[i] = r.title();
            places[i] = r.place();
            lats[i] = r.lat() == null ? null : r.lat().toPlainString();
            lngs[i] = r.lng() == null ? null : r.lng().toPlainString();
            starts[i] = r.startsAt().toString();
            ends[i] = r.endsAt().toString();
            days[i] = r.heldOn().toString();
            staff[i] = String.join(SEPARATOR, r.staffOnDuty());
            partners[i] = String.join(SEPARATOR, r.partners());
            reached[i] = r.workersReached();
            by[i] = r.recordedBy();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO outreach_session (code, kind, org_id, org_path, campaign_id, title, place, lat, lng,
                               starts_at, ends_at, held_on, staff_on_duty, partners, status, workers_reached,
                               created_by, opened_at, closed_at, closed_by)
                        SELECT code, kind, org_id, org_path, campaign_id, title, place, lat, lng, starts_at, ends_at,
                               held_on, string_to_array(staff, :sep), string_to_array(partners, :sep), 'CLOSED',
                               reached, recorded_by, starts_at, ends_at, recorded_by
                          FROM unnest(CAST(:codes AS text[]), CAST(:kinds AS text[]), CAST(:orgs AS bigint[]),
                                      CAST(:paths AS text[]), CAST(:campaigns AS bigint[]), CAST(:titles AS text[]),
                                      CAST(:places AS text[]), CAST(:lats AS numeric[]), CAST(:lngs AS numeric[]),
                                      CAST(:starts AS timestamptz[]), CAST(:ends AS timestamptz[]),
                                      CAST(:days AS date[]), CAST(:staff AS text[]), CAST(:partners AS text[]),
                                      CAST(:reached AS int[]), CAST(:by AS text[]))
                               AS s(code, kind, org_id, org_path, campaign_id, title, place, lat, lng, starts_at,
                                    ends_at, held_on, staff, partners, reached, recorded_by)
                        ON CONFLICT (code) DO NOTHING
                        RETURNING id, code
                        """)
                .param("sep", SEPARATOR).param("codes", codes).param("kinds", kinds).param("orgs", orgs)
                .param("paths", paths).param("campaigns", campaigns).param("titles", titles)
                .param("places", places).param("lats", lats).param("lngs", lngs).param("starts", starts)
                .param("ends", ends).param("days", days).param("staff", staff).param("partners", partners)
                .param("reached", reached).param("by", by)
                .query(rs -> {
                    ids.put(rs.getString("code"), rs.getLong("id"));
                });
        return ids;
    }

    /** Each session's consultations by topic, {@code counts.get(i)} for {@code sessionIds.get(i)}. */
    public void insertConsultations(List<Long> sessionIds, List<Map<String, Integer>> counts) {
        List<Long> sessions = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < sessionIds.size(); i++) {
            long id = sessionIds.get(i);
            counts.get(i).forEach((topic, count) -> {
                sessions.add(id);
                topics.add(topic);
                values.add(count);
            });
        }
        if (sessions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO outreach_consultation (session_id, topic, count)
                        SELECT * FROM unnest(CAST(:sessions AS bigint[]), CAST(:topics AS text[]),
                                             CAST(:counts AS int[]))
                        """)
                .param("sessions", sessions.toArray(Long[]::new)).param("topics", topics.toArray(String[]::new))
                .param("counts", values.toArray(Integer[]::new))
                .update();
    }
}
