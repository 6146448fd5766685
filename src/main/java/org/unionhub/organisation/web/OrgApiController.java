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
import org.unionhub.organisation.NewOrgUnit;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

@Tag(name = "Organisation", description = "The union tree, limited to the caller's data scope")
@RestController
@RequestMapping("/api/v1/orgs")
class OrgApiController {

    /** A node as the API shows it. */
    record OrgView(long id, String name, OrgKind kind, String divisionCode, String creditCode, Long parentId,
            String status, LocalDate createdOn, LocalDate closedOn, int childCount) {

        static OrgView of(OrgUnit unit) {
            return new OrgView(unit.id(), unit.name(), unit.kind(), unit.divisionCode(), unit.creditCode(),
                    unit.parentId(), unit.status().name(), unit.createdOn(), unit.closedOn(), unit.childCount());
        }
    }

    record MoveRequest(Long newParentId, String reason) {
    }

    record CloseRequest(LocalDate closedOn) {
    }

    private final OrgTree tree;

    OrgApiController(OrgTree tree) {
        this.tree = tree;
    }

    @Operation(summary = "One node; 404 when missing or outside the caller's scope")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    OrgView get(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return OrgView.of(tree.get(me.scope(), id));
    }

    @Operation(summary = "The direct children of a node")
    @GetMapping("/{id}/children")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<OrgView> children(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return tree.children(me.scope(), id).stream().map(OrgView::of).toList();
    }

    @Operation(summary = "Search the caller's scope by name (contains), credit code, division code or kind")
    @GetMapping
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<OrgView> search(@AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String divisionCode,
            @RequestParam(required = false) OrgKind kind) {
        return tree.search(me.scope(), q, divisionCode, kind).stream().map(OrgView::of).toList();
    }

    @Operation(summary = "Create a node under a parent in scope")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    OrgView create(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody NewOrgUnit input) {
        return OrgView.of(tree.create(me.scope(), input));
    }

    @Operation(summary = "Change a node's name, division code or credit code")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    OrgView update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, @RequestBody NewOrgUnit input) {
        return OrgView.of(tree.update(me.scope(), id, input));
    }

    @Operation(summary = "Move a node and its subtree under a new parent; the move is kept in its history")
    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('ORG_RESHAPE')")
    OrgView move(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, @RequestBody MoveRequest move) {
        return OrgView.of(tree.move(me.scope(), id, move.newParentId(), me.username(), move.reason()));
    }

    @Operation(summary = "Close a node that has no open children")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('ORG_RESHAPE')")
    OrgView close(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody(required = false) CloseRequest close) {
        return OrgView.of(tree.close(me.scope(), id, close == null ? null : close.closedOn()));
    }
}
