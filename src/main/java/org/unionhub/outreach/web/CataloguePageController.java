package org.unionhub.outreach.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
import org.unionhub.Messages;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.ServiceItem;
import org.unionhub.outreach.ServiceItemInput;
import org.unionhub.outreach.ServicePackageCatalogue;

/** The service package catalogue: everyone sees the city's and their district's items; keepers add and edit theirs. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class CataloguePageController {

    private final ServicePackageCatalogue catalogue;
    private final OrgTree tree;
    private final MessageSource messages;

    CataloguePageController(ServicePackageCatalogue catalogue, OrgTree tree, MessageSource messages) {
        this.catalogue = catalogue;
        this.tree = tree;
        this.messages = messages;
    }

    @GetMapping("/outreach/catalogue")
    String list(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        return list(me, model, new ServiceItemInput(null, null, null, true));
    }

    @PostMapping("/outreach/catalogue")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String create(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute ServiceItemInput input,
            BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            catalogue.create(me, input);
            return "redirect:/outreach/catalogue?created";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "item"));
            return list(me, model, input);
        }
    }

    @GetMapping("/outreach/catalogue/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String editForm(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        ServiceItem item = manageable(me, id);
        return edit(model, item, new ServiceItemInput(item.ownerOrgId(), item.name(), item.description(),
                item.active()));
    }

    @PostMapping("/outreach/catalogue/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @ModelAttribute ServiceItemInput input, BindingResult binding, Model model, Locale locale) {
        ServiceItem item = manageable(me, id);
        try {
            Messages.requireWellTyped(binding);
            catalogue.update(me, id, new ServiceItemInput(null, input.name(), input.description(),
                    Boolean.TRUE.equals(input.active())));
            return "redirect:/outreach/catalogue?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "item"));
            return edit(model, item, input);
        }
    }

    private String list(ScopedPrincipal me, Model model, ServiceItemInput form) {
        List<ServiceItem> items = catalogue.catalogue(me.scope());
        model.addAttribute("items", items);
        model.addAttribute("manageable", items.stream().filter(i -> catalogue.canManage(me.scope(), i))
                .map(ServiceItem::id).toList());
        model.addAttribute("keepers", keepers(me));
        model.addAttribute("form", form);
        return "catalogue/list";
    }

    /** The district and federation nodes in scope: whose catalogue the staff member may add to. */
    private List<OrgUnit> keepers(ScopedPrincipal me) {
        OrgUnit root = tree.get(me.scope(), me.scope().rootOrgId());
        return switch (root.kind()) {
            case FEDERATION -> Stream.concat(Stream.of(root), tree.children(me.scope(), root.id()).stream()
                    .filter(u -> u.kind() == OrgKind.DISTRICT && u.isActive())).toList();
            case DISTRICT -> List.of(root);
            default -> List.of();
        };
    }

    private ServiceItem manageable(ScopedPrincipal me, long id) {
        ServiceItem item = catalogue.get(me.scope(), id);
        if (!catalogue.canManage(me.scope(), item)) {
            throw new NotFoundException("Service item " + id);
        }
        return item;
    }

    private static String edit(Model model, ServiceItem item, ServiceItemInput form) {
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        return "catalogue/edit";
    }
}
