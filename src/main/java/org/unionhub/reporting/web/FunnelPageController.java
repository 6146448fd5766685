package org.unionhub.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.reporting.FunnelBreakdown;
import org.unionhub.reporting.FunnelMeasure;
import org.unionhub.reporting.FunnelReport;

/**
 * The funnel page: the nine figures of a node in scope over a period, its children (each a link to its own funnel),
 * its months as a table and a line chart, and the same as .xlsx.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class FunnelPageController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FunnelReport report;
    private final OrgTree tree;
    private final MessageSource messages;

    FunnelPageController(FunnelReport report, OrgTree tree, MessageSource messages) {
        this.report = report;
        this.tree = tree;
        this.messages = messages;
    }

    @GetMapping("/reports/funnel")
    String funnel(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model, Locale locale) {
        model.addAttribute("measures", FunnelMeasure.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        OrgUnit node = tree.get(me.scope(), orgId == null ? me.scope().rootOrgId() : orgId);
        model.addAttribute("node", node);
        model.addAttribute("parent", node.id() == me.scope().rootOrgId() || node.parentId() == null ? null
                : tree.get(me.scope(), node.parentId()));
        try {
            FunnelBreakdown breakdown = report.breakdown(me.scope(), node.id(), from, to);
            model.addAttribute("breakdown", breakdown);
            model.addAttribute("from", breakdown.total().from());
            model.addAttribute("to", breakdown.total().to());
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "funnel"));
        }
        return "reports/funnel";
    }

    @GetMapping("/reports/funnel.xlsx")
    void export(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response, Locale locale) throws IOException {
        FunnelBreakdown breakdown = report.breakdown(me.scope(), orgId, from, to);
        String name = messages.getMessage("funnel.title", null, locale) + "-" + breakdown.total().orgName() + "-"
                + breakdown.total().from() + "-" + breakdown.total().to() + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        FunnelWorkbook.write(breakdown, key -> messages.getMessage(key, null, locale), response.getOutputStream());
    }
}
