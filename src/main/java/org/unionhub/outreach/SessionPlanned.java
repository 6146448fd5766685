package org.unionhub.outreach;

import java.time.LocalDate;

/**
 * A communication session was planned by the union {@code orgId} (at {@code orgPath}) for {@code heldOn};
 * {@code campaignId} is the campaign day it belongs to, if any. Applications carrying its {@code code} are
 * attributed to it.
 */
public record SessionPlanned(long sessionId, String code, SessionKind kind, long orgId, String orgPath,
        Long campaignId, LocalDate heldOn) {
}
