package org.unionhub.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.unionhub.identity.StaffPrincipal;

/** Puts the signed-in staff member into every console page's model, for the header. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    @ModelAttribute("staff")
    StaffPrincipal staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
                ? principal
                : null;
    }
}
