package org.unionhub.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionFoundings;
import org.unionhub.organisation.UnionPeriod;

@Tag(name = "Enterprises", description = "Employers under the union tree, limited to the caller's data scope")
@RestController
@RequestMapping("/api/v1/enterprises/{id}")
class EnterpriseUnionApiController {

    /** Whether an enterprise had a union on a date, and which. */
    record UnionOnDate(long enterpriseId, LocalDate on, boolean unionised, Long unionId) {
    }

    private final EnterpriseRegistry registry;
    private final UnionFoundings foundings;

    EnterpriseUnionApiController(EnterpriseRegistry registry, UnionFoundings foundings) {
        this.registry = registry;
        this.foundings = foundings;
    }

    @Operation(summary = "Every period in which the enterprise had a union, newest first")
    @GetMapping("/union-history")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<UnionPeriod> unionHistory(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return foundings.unionHistory(me.scope(), id);
    }

    @Operation(summary = "Whether the enterprise had a union on a date: founded on or before it, not closed by then")
    @GetMapping("/union")
    @PreAuthorize("hasAuthority('ORG_READ')")
    UnionOnDate unionOn(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        registry.get(me.scope(), id);
        Long union = foundings.unionOn(id, on).orElse(null);
        return new UnionOnDate(id, on, union != null, union);
    }
}
