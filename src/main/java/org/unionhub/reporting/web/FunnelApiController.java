package org.unionhub.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.reporting.Funnel;
import org.unionhub.reporting.FunnelReport;

/** The funnel as JSON. It sits under {@code /outreach} because it is the outreach funnel; reporting computes it. */
@Tag(name = "Funnel", description = "The dual-communication funnel of a node in the caller's scope over a period")
@RestController
class FunnelApiController {

    private final FunnelReport report;

    FunnelApiController(FunnelReport report) {
        this.report = report;
    }

    @Operation(summary = "The nine funnel figures of a node (its whole subtree) over a period",
            description = "orgId: a node in scope (default: the caller's own; else 404); from/to: ISO dates, both "
                    + "included (default: 1 January of to's year, and today); to before from → 400 to:BEFORE_START. "
                    + "enterprisesCovered counts distinct enterprises over the period.")
    @GetMapping("/api/v1/outreach/funnel")
    @PreAuthorize("hasAuthority('ORG_READ')")
    Funnel funnel(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return report.funnel(me.scope(), orgId, from, to);
    }
}
