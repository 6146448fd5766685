package org.unionhub.station;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unionhub.identity.PublicEndpoints;

/** The finder is for workers, without signing in: its API, its pages and the scan-on-arrival links. */
@Component
class StationPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> api() {
        return List.of("/api/v1/stations/nearest");
    }

    @Override
    public List<String> pages() {
        return List.of("/find", "/find/**", "/s/*");
    }
}
