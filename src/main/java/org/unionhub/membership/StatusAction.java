package org.unionhub.membership;

import java.util.List;

/** A status a membership may be changed to now, and the reason codes staff choose from for it. */
public record StatusAction(String status, List<String> reasons) {
}
