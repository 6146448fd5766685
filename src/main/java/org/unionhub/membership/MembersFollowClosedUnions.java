package org.unionhub.membership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.organisation.UnionClosed;

/**
 * When a union closes (an enterprise closed, or the tree was tidied), its members move to the parent union: each
 * membership that is not final becomes a transfer accepted by {@code system}. Runs after the closure committed, in
 * its own transaction; the event publication registry redelivers it after a crash, and a second run moves nobody
 * twice.
 */
@Component
class MembersFollowClosedUnions {

    private static final Logger log = LoggerFactory.getLogger(MembersFollowClosedUnions.class);

    private final MembershipTransfers transfers;

    MembersFollowClosedUnions(MembershipTransfers transfers) {
        this.transfers = transfers;
    }

    @ApplicationModuleListener
    void on(UnionClosed closed) {
        int moved = transfers.moveMembersOfClosedUnion(closed);
        if (moved > 0) {
            log.info("Union {} closed: {} members moved to union {}", closed.unionId(), moved, closed.parentId());
        }
    }
}
