package org.unionhub.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.CoverageInput;
import org.unionhub.outreach.EnterpriseCoverage;
import org.unionhub.outreach.EnterpriseSessionRecords;
import org.unionhub.outreach.EnterpriseSessionRecords.Recorded;

@Tag(name = "Enterprise sessions", description = "The enterprises an enterprise session covered: person met, service"
        + " package items offered, outcome (which moves the enterprise's pipeline on)")
@RestController
@RequestMapping("/api/v1/outreach")
class EnterpriseSessionApiController {

    private final EnterpriseSessionRecords records;

    EnterpriseSessionApiController(EnterpriseSessionRecords records) {
        this.records = records;
    }

    @Operation(summary = "Record what the session did with an enterprise: 201 the first time, 200 when corrected")
    @PutMapping("/sessions/{sessionId}/enterprises/{enterpriseId}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<EnterpriseCoverage> record(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long sessionId,
            @PathVariable long enterpriseId, @RequestBody CoverageInput input) {
        Recorded recorded = records.record(me, sessionId, enterpriseId, input);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.coverage());
    }

    @Operation(summary = "The enterprises a session covered")
    @GetMapping("/sessions/{sessionId}/enterprises")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<EnterpriseCoverage> ofSession(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long sessionId) {
        return records.ofSession(me, sessionId);
    }

    @Operation(summary = "The enterprise sessions that covered an enterprise, latest first")
    @GetMapping("/pipeline/{enterpriseId}/sessions")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<EnterpriseCoverage> ofEnterprise(@AuthenticationPrincipal ScopedPrincipal me,
            @PathVariable long enterpriseId) {
        return records.ofEnterprise(me.scope(), enterpriseId);
    }
}
