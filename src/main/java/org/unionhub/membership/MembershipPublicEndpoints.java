package org.unionhub.membership;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unionhub.identity.PublicEndpoints;

/**
 * Workers apply, ask for a transfer when they are members already, and follow either without signing in. Deciding
 * applications under the same path needs a staff sign-in all the same: the controller checks the permission on those
 * endpoints. A transfer's status is public only under a transfer number ({@code T} and digits), so the staff's
 * inboxes under the same prefix are not.
 */
@Component
class MembershipPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> api() {
        return List.of("/api/v1/membership-applications", "/api/v1/membership-applications/*",
                "/api/v1/membership-transfers", "/api/v1/membership-transfers/{transferNo:T[0-9]+}");
    }

    @Override
    public List<String> pages() {
        return List.of("/join", "/join/status/*", "/join/transfers", "/join/transfers/*");
    }
}
