package org.unionhub.reporting;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.membership.ApplicationSubmitted;
import org.unionhub.membership.MemberJoined;
import org.unionhub.membership.MembersImported;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.SubtreeMoved;
import org.unionhub.organisation.UnionFounded;
import org.unionhub.outreach.ConsultationsCounted;
import org.unionhub.outreach.EnterpriseCovered;
import org.unionhub.outreach.SessionCancelled;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionPlanned;
import org.unionhub.outreach.WorkersReached;
import org.unionhub.reporting.domain.Tally;
import org.unionhub.reporting.domain.TreePaths;
import org.unionhub.reporting.persistence.FunnelStore;
import org.unionhub.reporting.persistence.FunnelStore.SessionRow;

/**
 * Keeps the funnel's read models up from the events of outreach, membership and organisation. Each event is handled
 * in its own transaction after the publisher's commit, and the event publication registry hands it over again after a
 * crash; a redelivered event with a key (a session, an application, a member, a covering, a founded union, a move)
 * changes nothing the second time. Tallies without a key (workers reached, consultations, imported members) cannot be
 * told apart from a new tally of the same size: they would count twice only if the process died in the instant
 * between this handler's commit and the registry marking the publication complete (see {@code docs/reporting.md}).
 * Figures are written at the node's current path, asked of the tree by id, so an event still carrying a path from
 * before a subtree move lands where the node is now.
 */
@Component
class FunnelProjection {

    private final FunnelStore store;
    private final OrgTree tree;

    FunnelProjection(FunnelStore store, OrgTree tree) {
        this.store = store;
        this.tree = tree;
    }

    /** Counts the session and everything that was waiting for it (tallies, applications, joins, coverings). */
    @ApplicationModuleListener
    void on(SessionPlanned planned) {
        store.lockForEvent();
        store.lockSessionCode(planned.code());
        store.lockSession(planned.sessionId());
        String path = currentPath(planned.orgId(), planned.orgPath());
        SessionRow session = new SessionRow(planned.sessionId(), planned.code(), planned.kind() == SessionKind.WORKER,
                planned.orgId(), path, planned.campaignId(), planned.heldOn(), false);
        if (!store.insertSession(session)) {
            return;
        }
        store.claimWaitingApplications(planned.code(), planned.sessionId())
                .forEach(day -> store.addToSessionDay(planned.sessionId(), day, Tally.applications(1)));
        store.claimWaitingMembers(planned.code(), planned.sessionId())
                .forEach(day -> store.addToSessionDay(planned.sessionId(), day, Tally.membersJoined(1)));
        sessionByDay(session).forEach((day, tally) -> store.add(path, day, tally));
        store.placeCoverings(planned.sessionId(), path);
    }

    /**
     * Takes the session and all its tallies back out. A cancellation of a session not recorded yet fails, so that
     * the registry keeps it and hands it over again (on restart) once the session is there.
     */
    @ApplicationModuleListener
    void on(SessionCancelled cancelled) {
        store.lockForEvent();
        store.lockSession(cancelled.sessionId());
        SessionRow session = store.session(cancelled.sessionId()).orElseThrow(() -> new IllegalStateException(
                "Session " + cancelled.sessionId() + " was cancelled before its planning was recorded"));
        if (!store.cancelSession(session.sessionId())) {
            return;
        }
        String path = currentPath(session);
        sessionByDay(session).forEach((day, tally) -> store.add(path, day, tally.negated()));
        store.placeCoverings(session.sessionId(), null);
    }

    @ApplicationModuleListener
    void on(WorkersReached reached) {
        store.lockForEvent();
        store.lockSession(reached.sessionId());
        if (!firstDelivery("WorkersReached:", reached.key())) {
            return;
        }
        addToSession(reached.sessionId(), reached.on(), Tally.workersReached(reached.count()));
    }

    @ApplicationModuleListener
    void on(ConsultationsCounted counted) {
        store.lockForEvent();
        store.lockSession(counted.sessionId());
        if (!firstDelivery("ConsultationsCounted:", counted.key())) {
            return;
        }
        addToSession(counted.sessionId(), counted.on(), Tally.consultations(counted.count()));
    }

    @ApplicationModuleListener
    void on(EnterpriseCovered covered) {
        store.lockForEvent();
        store.lockSession(covered.sessionId());
        String path = store.session(covered.sessionId()).filter(s -> !s.cancelled()).map(this::currentPath)
                .orElse(null);
        store.insertCovering(covered.sessionId(), covered.enterpriseId(), covered.on(), path);
    }

    /**
     * Only an application made through a session is an on-site application (the condition keeps the others from
     * being stored as publications at all).
     */
    @ApplicationModuleListener(condition = "#a0.sessionCode() != null")
    void on(ApplicationSubmitted submitted) {
        store.lockForEvent();
        Optional<SessionRow> session = lockSessionByCode(submitted.sessionCode());
        if (!store.insertApplication(submitted.applicationNo(), submitted.sessionCode(), submitted.submittedOn())) {
            return;
        }
        session.ifPresent(s -> {
            store.attributeApplication(submitted.applicationNo(), s.sessionId());
            addToSession(s.sessionId(), submitted.submittedOn(), Tally.applications(1));
        });
    }

    /** A member's record at the member's union; through a session, also a join at the session's union. */
    @ApplicationModuleListener
    void on(MemberJoined joined) {
        store.lockForEvent();
        Optional<SessionRow> session = joined.sessionCode() == null ? Optional.empty()
                : lockSessionByCode(joined.sessionCode());
        if (!store.insertMember(joined.memberNo(), joined.sessionCode(), joined.joinedOn())) {
            return;
        }
        store.add(currentPath(joined.unionId(), joined.unionPath()), joined.joinedOn(), Tally.memberRecords(1));
        session.ifPresent(s -> {
            store.attributeMember(joined.memberNo(), s.sessionId());
            addToSession(s.sessionId(), joined.joinedOn(), Tally.membersJoined(1));
        });
    }

    @ApplicationModuleListener
    void on(MembersImported imported) {
        store.lockForEvent();
        if (!firstDelivery("MembersImported:", imported.key())) {
            return;
        }
        store.add(currentPath(imported.unionId(), imported.unionPath()), imported.importedOn(),
                Tally.memberRecords(imported.count()));
    }

    /** A founded union counts for its parent and the parent's ancestors, not in its own funnel. */
    @ApplicationModuleListener
    void on(UnionFounded founded) {
        store.lockForEvent();
        if (!store.markApplied("UnionFounded:" + founded.unionId())) {
            return;
        }
        String parent = TreePaths.parentOf(currentPath(founded.unionId(), founded.unionPath()));
        store.add(parent, founded.foundedOn(), Tally.unionsFounded(1));
    }

    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        store.lockForMove();
        if (!store.markApplied("SubtreeMoved:" + moved.orgId() + "@" + moved.movedAt())) {
            return;
        }
        store.moveSubtree(moved.oldPath(), moved.newPath());
    }

    /**
     * False when an event with this key was counted before (a redelivery after a crash). Events published before they
     * carried keys have none and are counted.
     */
    private boolean firstDelivery(String type, String key) {
        return key == null || store.markApplied(type + key);
    }

    /**
     * Takes the locks of a session code and, when the session is known, of the session: every lock a handler needs
     * is taken before it writes anything, so a handler never holds rows while it waits for a session.
     */
    private Optional<SessionRow> lockSessionByCode(String code) {
        store.lockSessionCode(code);
        Optional<SessionRow> session = store.sessionByCode(code);
        session.ifPresent(s -> store.lockSession(s.sessionId()));
        return session;
    }

    /** Adds to a session's tally, and to the funnel when the session is known and not cancelled (session locked). */
    private void addToSession(long sessionId, LocalDate day, Tally tally) {
        store.addToSessionDay(sessionId, day, tally);
        store.session(sessionId).filter(s -> !s.cancelled())
                .ifPresent(session -> store.add(currentPath(session), day, tally));
    }

    /**
     * The session itself on the day it is held and its own tallies on theirs, by day in ascending order: every
     * handler writes the days it touches in that order, so two handlers never wait for each other's rows in a cycle.
     */
    private SortedMap<LocalDate, Tally> sessionByDay(SessionRow session) {
        SortedMap<LocalDate, Tally> days = new TreeMap<>();
        days.put(session.heldOn(), Tally.session(session.worker()));
        store.sessionDays(session.sessionId()).forEach(d -> days.merge(d.day(), d.tally(), Tally::plus));
        return days;
    }

    private String currentPath(SessionRow session) {
        return currentPath(session.orgId(), session.orgPath());
    }

    private String currentPath(long orgId, String pathInEvent) {
        return tree.find(orgId).map(OrgUnit::path).orElse(pathInEvent);
    }
}
