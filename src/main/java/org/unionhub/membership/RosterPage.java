package org.unionhub.membership;

import java.util.List;

/** One page of the roster, newest first; {@code page} counts from 1. Personal fields are masked. */
public record RosterPage(List<MemberView> members, int page, int pageSize, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
