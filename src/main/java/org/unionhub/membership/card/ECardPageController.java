package org.unionhub.membership.card;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.common.ConflictException;

/**
 * The worker's e-membership card page (电子会员卡), reached from the status page once approved, on a phone without
 * signing in: it opens with the application number and the application's access secret, like the status page. Before
 * approval (or once the membership has ended) it says why there is no card, with a link back to the status page.
 */
@Controller
class ECardPageController {

    private final ECards cards;
    private final MessageSource messages;

    ECardPageController(ECards cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    @GetMapping("/join/card/{applicationNo}")
    String card(@PathVariable String applicationNo, @RequestParam(required = false) String secret, Model model,
            HttpServletResponse response, Locale locale) {
        model.addAttribute("applicationNo", applicationNo);
        try {
            model.addAttribute("ecard", cards.forApplication(applicationNo, secret, CardApiController::verifyUrl));
        } catch (ConflictException notYet) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("unavailable", messages.getMessage("error." + notYet.code(), null, locale));
        }
        model.addAttribute("secret", secret);
        return "join/card";
    }
}
