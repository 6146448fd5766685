package org.unionhub.identity.web;

import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.identity.AuditAction;
import org.unionhub.identity.AuditTrail;
import org.unionhub.identity.StaffPrincipal;

/** The audit log of the admin's subtree, newest first. */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditPageController {

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) AuditAction action,
            Model model) {
        model.addAttribute("events", trail.recent(me, action));
        model.addAttribute("actions", Arrays.asList(AuditAction.values()));
        model.addAttribute("action", action);
        return "admin/audit";
    }
}
