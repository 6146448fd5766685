package org.unionhub.outreach;

import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.membership.ApplicationSubmitted;
import org.unionhub.membership.MemberJoined;
import org.unionhub.membership.SessionDirectory;
import org.unionhub.organisation.SubtreeMoved;
import org.unionhub.outreach.persistence.CampaignRepository;
import org.unionhub.outreach.persistence.SessionRepository;

/**
 * The outreach side of joining: answers membership's {@link SessionDirectory} (which codes still take applications),
 * and records the applications and joins that came through each session, from membership's events — each one once,
 * however often an event is delivered — for the session's tallies. Keeps the copied org paths current.
 */
@Component
class SessionArrivals implements SessionDirectory {

    private final OutreachSessions outreach;
    private final SessionRepository sessions;
    private final CampaignRepository campaigns;

    SessionArrivals(OutreachSessions outreach, SessionRepository sessions, CampaignRepository campaigns) {
        this.outreach = outreach;
        this.sessions = sessions;
        this.campaigns = campaigns;
    }

    @Override
    public Optional<SessionRef> find(String code) {
        return outreach.findLive(code).map(s -> new SessionRef(s.code(), s.title(), s.place()));
    }

    /** Only applications made through a session (the condition keeps the others from being stored at all). */
    @ApplicationModuleListener(condition = "#a0.sessionCode() != null")
    void on(ApplicationSubmitted submitted) {
        sessions.recordApplication(submitted.sessionCode(), submitted.applicationNo(), submitted.submittedOn());
    }

    /** Only joins through a session. */
    @ApplicationModuleListener(condition = "#a0.sessionCode() != null")
    void on(MemberJoined joined) {
        sessions.recordJoin(joined.sessionCode(), joined.memberNo(), joined.joinedOn());
    }

    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        sessions.rebasePaths(moved.oldPath(), moved.newPath());
        campaigns.rebasePaths(moved.oldPath(), moved.newPath());
    }
}
