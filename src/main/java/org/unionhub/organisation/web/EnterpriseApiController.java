package org.unionhub.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.ScopedPrincipal;

@Tag(name = "Enterprises", description = "Employers under the union tree, limited to the caller's data scope")
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    private final EnterpriseRegistry registry;

    /** When the enterprise closed; today when absent. */
    record CloseRequest(LocalDate closedOn) {
    }

    EnterpriseApiController(EnterpriseRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "One enterprise; 404 when missing or outside the caller's scope")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    Enterprise get(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return registry.get(me.scope(), id);
    }

    @Operation(summary = "Search enterprises in scope by name (contains) or credit code, optionally under one node")
    @GetMapping
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<Enterprise> search(@AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam(required = false) String q, @RequestParam(required = false) Long orgId) {
        return registry.search(me.scope(), orgId, q);
    }

    @Operation(summary = "Register an enterprise; a credit code failing its check needs confirmCreditCode=true")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    Enterprise create(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody EnterpriseInput input) {
        return registry.create(me.scope(), input);
    }

    @Operation(summary = "Change an enterprise")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    Enterprise update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody EnterpriseInput input) {
        return registry.update(me.scope(), id, input);
    }

    @Operation(summary = "Record that an enterprise closed; its union closes too and its members move to the parent union")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('ORG_RESHAPE')")
    Enterprise close(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody(required = false) CloseRequest close) {
        return registry.close(me.scope(), id, close == null ? null : close.closedOn());
    }
}
