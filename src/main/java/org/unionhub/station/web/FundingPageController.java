package org.unionhub.station.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.StationCodes;
import org.unionhub.station.StationFunding;

/** Funding standards per kind and the districts' annual budgets. */
@Controller
@PreAuthorize("hasAuthority('FUNDING_MANAGE')")
class FundingPageController {

    private final StationFunding funding;
    private final StationCodes codes;
    private final MessageSource messages;
    private final Clock clock;

    FundingPageController(StationFunding funding, StationCodes codes, MessageSource messages, Clock clock) {
        this.funding = funding;
        this.codes = codes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/stations/funding")
    String page(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long district, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<OrgUnit> districts = funding.districts(me);
        Long selected = district != null ? district : districts.isEmpty() ? null : districts.get(0).id();
        model.addAttribute("year", y);
        model.addAttribute("districts", districts);
        model.addAttribute("district", selected);
        model.addAttribute("codes", codes);
        model.addAttribute("standards", funding.standards(me, selected, y));
        model.addAttribute("budget", selected == null ? null : funding.budget(me, selected, y));
        return "stations/funding";
    }

    @PostMapping("/stations/funding/standard")
    String standard(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam int year,
            @RequestParam(required = false) Long district, @RequestParam(defaultValue = "false") boolean cityDefault,
            @RequestParam String kindCode, @RequestParam String amount, Model model, Locale locale) {
        try {
            funding.setStandard(me, cityDefault ? null : district, year, kindCode, amount);
            return "redirect:/stations/funding?year=" + year + (district == null ? "" : "&district=" + district);
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return page(me, year, district, model);
        }
    }

    @PostMapping("/stations/funding/budget")
    String budget(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam int year, @RequestParam long district,
            @RequestParam String amount, Model model, Locale locale) {
        try {
            funding.setBudget(me, district, year, amount);
            return "redirect:/stations/funding?year=" + year + "&district=" + district;
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return page(me, year, district, model);
        }
    }
}
