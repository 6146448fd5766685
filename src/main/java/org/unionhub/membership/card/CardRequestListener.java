package org.unionhub.membership.card;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.membership.MemberJoined;

/**
 * A member joined: request their person's mutual-aid card. Idempotent — a redelivered event, a transfer or a member
 * who joins again finds the person's request already there, and nothing changes.
 */
@Component
class CardRequestListener {

    private static final Logger log = LoggerFactory.getLogger(CardRequestListener.class);

    private final CardRequests requests;
    private final Clock clock;

    CardRequestListener(CardRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        if (requests.request(joined.memberNo(), clock.instant())) {
            log.info("Mutual-aid card requested for member {}", joined.memberNo());
        }
    }
}
