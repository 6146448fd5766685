package org.unionhub.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.MemberView;
import org.unionhub.membership.PersonalField;
import org.unionhub.membership.Roster;
import org.unionhub.membership.RosterFilter;
import org.unionhub.membership.RosterPage;

/**
 * The console's member roster: the filtered list (htmx swaps the table when the filter or the page changes), a
 * member's page with masked fields and a 显示 button per field for those with the right, and the Excel export.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class RosterPageController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Roster roster;
    private final MemberRecordModel record;
    private final MessageSource messages;
    private final Clock clock;

    RosterPageController(Roster roster, MemberRecordModel record, MessageSource messages, Clock clock) {
        this.roster = roster;
        this.record = record;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/members")
    String list(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") RosterFilter filter,
            BindingResult binding, @RequestParam(defaultValue = "1") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpServletRequest request, Model model, Locale locale) {
        model.addAttribute("statuses", Roster.STATUSES);
        model.addAttribute("mayReveal", roster.mayReveal(me));
        try {
            Messages.requireWellTyped(binding);
            RosterPage result = roster.search(me, filter, page);
            model.addAttribute("result", result);
            model.addAttribute("union", filter.unionId() == null ? null : roster.union(me, filter.unionId()));
            model.addAttribute("previousUrl", result.hasPrevious() ? pageUrl(request, page - 1) : null);
            model.addAttribute("nextUrl", result.hasNext() ? pageUrl(request, page + 1) : null);
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
        }
        return htmx != null && historyRestore == null ? "members/list :: roster" : "members/list";
    }

    /** The member's page; {@code unionQuery} searches the unions the member could transfer to. */
    @GetMapping("/members/{memberNo}")
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @RequestParam(required = false) String unionQuery, Model model) {
        return record.page(me, roster.member(me, memberNo), Map.of(), unionQuery, model);
    }

    /** Reveals one field: the field's fragment for htmx, the member's page with that field shown otherwise. */
    @PostMapping("/members/{memberNo}/reveal")
    @PreAuthorize("hasAuthority('PERSONAL_DATA_REVEAL')")
    String reveal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @RequestParam PersonalField field, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MemberView member = roster.member(me, memberNo);
        String value = roster.reveal(me, memberNo, field);
        if (htmx == null) {
            return record.page(me, member, Map.of(field.name(), value), null, model);
        }
        model.addAttribute("member", member);
        model.addAttribute("mayReveal", true);
        model.addAttribute("field", field.name());
        model.addAttribute("masked", field == PersonalField.ID_NUMBER ? member.idNumberMasked()
                : member.phoneMasked());
        model.addAttribute("value", value);
        return "members/show :: personal";
    }

    /** The roster as .xlsx: masked, or unmasked when asked for by staff who hold the right; audited either way. */
    @PostMapping("/members/export.xlsx")
    void export(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute RosterFilter filter, BindingResult binding,
            @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) {
        Messages.requireWellTyped(binding);
        roster.export(me, filter, unmasked, () -> {
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("会员名册-" + LocalDate.now(clock) + ".xlsx", StandardCharsets.UTF_8).build().toString());
            return response.getOutputStream();
        });
    }


    private static String pageUrl(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath("/members").query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
