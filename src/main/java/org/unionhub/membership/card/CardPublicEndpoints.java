package org.unionhub.membership.card;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unionhub.identity.PublicEndpoints;

/**
 * Anyone may check a card and read the public key; the worker opens the e-card (page and API) without signing in,
 * with the application number and its access secret.
 */
@Component
class CardPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> api() {
        return List.of("/api/v1/cards/verify", "/api/v1/cards/public-key", "/api/v1/membership-applications/*/card");
    }

    @Override
    public List<String> pages() {
        return List.of("/join/card/*");
    }
}
