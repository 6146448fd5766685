package org.unionhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/**
 * Spring Security observes nothing: its per-filter observations cost about a tenth of the app's CPU on an API call
 * and fed timers nobody reads (docs/benchmarks.md, "Joins"). Requests are still timed once each.
 */
@UnionHubTest
class SecurityObservationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSignedInApiCallLeavesNoSecurityMetersButTheRequestTimer() throws Exception {
        mvc.perform(get("/api/v1/me").with(TestTree.basic("zhongguancun"))).andExpect(status().isOk());

        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    }
}
