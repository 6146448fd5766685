package org.unionhub.membership;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unionhub.identity.PublicEndpoints;

/**
 * Workers apply and follow their application without signing in. Deciding applications under the same path needs a
 * staff sign-in all the same: the controller checks the permission on those endpoints.
 */
@Component
class MembershipPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> api() {
        return List.of("/api/v1/membership-applications", "/api/v1/membership-applications/*");
    }

    @Override
    public List<String> pages() {
        return List.of("/join", "/join/status/*");
    }
}
