package org.unionhub.membership.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.unionhub.Messages;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.StaffPrincipal;

/**
 * The console's roster import, usable on a phone: upload with the union it is for → a page per job that shows what
 * the job needs next (the column mapping, a progress bar that htmx refreshes while the rows are checked or committed,
 * the dry run with its first errors and the commit button, the result) → the error file.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_WRITE')")
class ImportPageController {

    private final MemberImports imports;
    private final MessageSource messages;

    ImportPageController(MemberImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/members/imports")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("jobs", imports.recent(me));
        model.addAttribute("unionId", me.scope().rootOrgId());
        return "members/imports";
    }

    @PostMapping("/members/imports")
    String upload(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String unionId,
            @RequestParam(required = false) MultipartFile file, Model model, Locale locale) {
        try {
            Long union = parseUnion(unionId);
            var uploaded = imports.upload(me, union, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file, null);
            return "redirect:/members/imports/" + uploaded.job().id();
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "import"));
            model.addAttribute("jobs", imports.recent(me));
            model.addAttribute("unionId", unionId);
            return "members/imports";
        }
    }

    @GetMapping("/members/imports/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model, Locale locale) {
        ImportView job = imports.get(me, id);
        model.addAttribute("job", job);
        model.addAttribute("fields", imports.fields());
        if ("VALIDATED".equals(job.status()) || "COMMITTED".equals(job.status())) {
            model.addAttribute("rowErrors", imports.errors(me, id, 1, locale));
        }
        return "members/import";
    }

    /** The progress bar, polled by htmx; once the step is over the whole page is reloaded to show what is next. */
    @GetMapping("/members/imports/{id}/progress")
    String progress(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
            Model model) {
        ImportView job = imports.get(me, id);
        if (!job.running()) {
            if (htmx != null) {
                response.setHeader("HX-Refresh", "true");
            }
            return "redirect:/members/imports/" + id;
        }
        model.addAttribute("job", job);
        return "members/import :: progress";
    }

    @PostMapping("/members/imports/{id}/mapping")
    String map(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam Map<String, String> form, Model model, Locale locale) {
        Map<String, Integer> columns = new HashMap<>();
        for (var field : imports.fields()) {
            String column = form.get("col." + field.key());
            if (column != null && !column.isBlank()) {
                columns.put(field.key(), parseColumn(column, field.key()));
            }
        }
        try {
            imports.map(me, id, columns);
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "import"));
            model.addAttribute("chosen", columns);
            return show(me, id, model, locale);
        }
        return "redirect:/members/imports/" + id;
    }

    @PostMapping("/members/imports/{id}/commit")
    String commit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        imports.commit(me, id);
        return "redirect:/members/imports/" + id;
    }

    @PostMapping("/members/imports/{id}/cancel")
    String cancel(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        try {
            imports.cancel(me, id);
        } catch (ConflictException ignoredAlreadyCommitting) {
            return "redirect:/members/imports/" + id;
        }
        return "redirect:/members/imports";
    }

    @GetMapping("/members/imports/{id}/errors.xlsx")
    void errorFile(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Locale locale,
            HttpServletResponse response) throws IOException {
        ImportView job = imports.get(me, id);
        response.setContentType(ImportApiController.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ImportApiController.errorFileName(job));
        imports.writeErrorFile(me, id, locale, response.getOutputStream());
    }

    @GetMapping("/members/imports/template.xlsx")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType(ImportApiController.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("会员导入模板.xlsx", StandardCharsets.UTF_8).build().toString());
        imports.writeTemplate(locale, response.getOutputStream());
    }

    private static Long parseUnion(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ValidationFailure.of("unionId", "FORMAT");
        }
    }

    private static int parseColumn(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ValidationFailure.of(field, "FORMAT");
        }
    }
}
