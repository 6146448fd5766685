package org.unionhub.organisation.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.NewOrgUnit;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/** The tree browser (lazy expand and search with htmx) and the union pages and forms. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class OrgPageController {

    private final OrgTree tree;
    private final EnterpriseRegistry enterprises;
    private final MessageSource messages;

    OrgPageController(OrgTree tree, EnterpriseRegistry enterprises, MessageSource messages) {
        this.tree = tree;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    @GetMapping("/orgs")
    String browse(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q.strip());
            model.addAttribute("results", tree.search(me.scope(), q, null, null));
            if (htmx != null) {
                return "orgs/tree :: results";
            }
        }
        OrgUnit root = tree.get(me.scope(), me.scope().rootOrgId());
        model.addAttribute("root", root);
        model.addAttribute("nodes", tree.children(me.scope(), root.id()));
        return "orgs/tree";
    }

    @GetMapping("/orgs/{id}/children")
    String children(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("nodes", tree.children(me.scope(), id));
        return "orgs/tree :: nodes";
    }

    @GetMapping("/orgs/{id}")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        OrgUnit unit = tree.get(me.scope(), id);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null || !tree.covers(me.scope(), unit.parentId())
                ? null : tree.get(me.scope(), unit.parentId()));
        model.addAttribute("children", tree.children(me.scope(), id));
        model.addAttribute("enterprises", enterprises.search(me.scope(), id, null));
        model.addAttribute("moves", tree.moves(me.scope(), id));
        model.addAttribute("childKinds", Arrays.stream(OrgKind.values()).filter(unit.kind()::mayHaveChild).toList());
        return "orgs/show";
    }

    @GetMapping("/orgs/new")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String newForm(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam long parentId,
            @RequestParam(required = false) OrgKind kind, Model model) {
        OrgUnit parent = tree.get(me.scope(), parentId);
        return form(model, parent, null, new NewOrgUnit(parentId, "", kind, null, null, null));
    }

    @PostMapping("/orgs")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String create(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute NewOrgUnit input, BindingResult binding, Model model,
            Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            return "redirect:/orgs/" + tree.create(me.scope(), input).id() + "?created";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            OrgUnit parent = input.parentId() != null && tree.covers(me.scope(), input.parentId())
                    ? tree.get(me.scope(), input.parentId()) : tree.get(me.scope(), me.scope().rootOrgId());
            return form(model, parent, null, input);
        }
    }

    @GetMapping("/orgs/{id}/edit")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String editForm(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        OrgUnit unit = tree.get(me.scope(), id);
        return form(model, null, unit, new NewOrgUnit(unit.parentId(), unit.name(), unit.kind(), unit.divisionCode(),
                unit.creditCode(), unit.createdOn()));
    }

    @PostMapping("/orgs/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @ModelAttribute NewOrgUnit input, BindingResult binding, Model model, Locale locale) {
        OrgUnit unit = tree.get(me.scope(), id);
        try {
            Messages.requireWellTyped(binding);
            tree.update(me.scope(), id, input);
            return "redirect:/orgs/" + id + "?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return form(model, null, unit, input);
        }
    }

    @PostMapping("/orgs/{id}/move")
    @PreAuthorize("hasAuthority('ORG_RESHAPE')")
    String move(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long newParentId, @RequestParam(required = false) String reason,
            Model model, Locale locale) {
        try {
            tree.move(me.scope(), id, newParentId, me.username(), reason);
            return "redirect:/orgs/" + id + "?moved";
        } catch (ValidationFailure failure) {
            model.addAttribute("moveErrors", Messages.byField(messages, failure, locale));
            return show(me, id, model);
        }
    }

    private String form(Model model, OrgUnit parent, OrgUnit existing, NewOrgUnit input) {
        model.addAttribute("parent", parent);
        model.addAttribute("existing", existing);
        model.addAttribute("form", input);
        model.addAttribute("kinds", parent == null ? List.of() :
                Arrays.stream(OrgKind.values()).filter(parent.kind()::mayHaveChild).toList());
        return "orgs/form";
    }
}
