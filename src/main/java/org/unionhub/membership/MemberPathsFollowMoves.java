package org.unionhub.membership;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.membership.persistence.RosterRepository;
import org.unionhub.organisation.SubtreeMoved;

/**
 * Members and applications keep a copy of their union's path, which is what the data scope compares; when a subtree
 * moves, the copies move with it, so the members show up in the new parent's scope and no longer in the old one.
 */
@Component
class MemberPathsFollowMoves {

    private final RosterRepository roster;

    MemberPathsFollowMoves(RosterRepository roster) {
        this.roster = roster;
    }

    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        roster.rebasePaths(moved.oldPath(), moved.newPath());
    }
}
