package org.unionhub.membership;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.membership.persistence.RosterRepository;
import org.unionhub.membership.persistence.TransferRepository;
import org.unionhub.organisation.SubtreeMoved;

/**
 * Members, applications and transfer requests keep a copy of their union's path, which is what the data scope
 * compares; when a subtree moves, the copies move with it, so the members show up in the new parent's scope and no
 * longer in the old one.
 */
@Component
class MemberPathsFollowMoves {

    private final RosterRepository roster;
    private final TransferRepository transfers;

    MemberPathsFollowMoves(RosterRepository roster, TransferRepository transfers) {
        this.roster = roster;
        this.transfers = transfers;
    }

    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        roster.rebasePaths(moved.oldPath(), moved.newPath());
        transfers.rebasePaths(moved.oldPath(), moved.newPath());
    }
}
