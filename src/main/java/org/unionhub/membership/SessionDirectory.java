package org.unionhub.membership;

import java.util.Optional;

/**
 * Where joining looks up the communication session a worker came from (the {@code s} of {@code /join?s=<code>}).
 * Implemented by the outreach module, which membership does not depend on; without an implementation every code is
 * accepted as typed.
 */
public interface SessionDirectory {

    /** A session that still takes applications (planned or open), by its code as typed; empty otherwise. */
    Optional<SessionRef> find(String code);

    /** A session as the join form names it: its code as stored, its title and place. */
    record SessionRef(String code, String title, String place) {
    }
}
