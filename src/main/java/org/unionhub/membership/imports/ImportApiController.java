package org.unionhub.membership.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.imports.MemberImports.Commit;
import org.unionhub.membership.imports.MemberImports.RowErrors;
import org.unionhub.membership.imports.MemberImports.Uploaded;

@Tag(name = "Member imports", description = "Roster import from .xlsx or .csv: upload, column mapping, dry run, commit")
@RestController
@PreAuthorize("hasAuthority('ORG_WRITE')")
class ImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Field key → column index (0-based) of the file's header row. */
    record MappingRequest(Map<String, Integer> columns) {
    }

    record ErrorPage(List<RowErrors> rows, int page, int pageSize) {
    }

    private final MemberImports imports;

    ImportApiController(MemberImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Upload a roster file (.xlsx or .csv) for a union in scope",
            description = "201 with the job (status MAPPING, headers, the suggested mapping); the same file, or the "
                    + "same Idempotency-Key, again answers 200 with the same job")
    @PostMapping(path = "/api/v1/member-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(@AuthenticationPrincipal StaffPrincipal me,
            @RequestPart(required = false) MultipartFile file, @RequestParam(required = false) Long unionId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Uploaded uploaded = imports.upload(me, unionId, file == null ? null : file.getOriginalFilename(),
                file == null || file.isEmpty() ? null : file, key);
        return ResponseEntity.status(uploaded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(uploaded.job());
    }

    @Operation(summary = "The latest imports in scope, newest first")
    @GetMapping("/api/v1/member-imports")
    List<ImportView> recent(@AuthenticationPrincipal StaffPrincipal me) {
        return imports.recent(me);
    }

    @Operation(summary = "An import: status, mapping, dry-run counts and progress")
    @GetMapping("/api/v1/member-imports/{id}")
    ImportView get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return imports.get(me, id);
    }

    @Operation(summary = "Confirm the column mapping; every row is then checked in the background (202)")
    @PutMapping("/api/v1/member-imports/{id}/mapping")
    ResponseEntity<ImportView> map(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody MappingRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.map(me, id, request.columns()));
    }

    @Operation(summary = "Commit a validated import in background batches",
            description = "202 when this call started it; 200 with the same job when it was started before; "
                    + "409 NOT_VALIDATED before the dry run is ready")
    @PostMapping("/api/v1/member-imports/{id}/commit")
    ResponseEntity<ImportView> commit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Commit commit = imports.commit(me, id);
        return ResponseEntity.status(commit.started() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(commit.job());
    }

    @Operation(summary = "Drop an import that has not been committed")
    @PostMapping("/api/v1/member-imports/{id}/cancel")
    ImportView cancel(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return imports.cancel(me, id);
    }

    @Operation(summary = "Rows in error, 50 a page (from 1), each with its row number and every problem")
    @GetMapping("/api/v1/member-imports/{id}/errors")
    ErrorPage errors(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "1") int page, Locale locale) {
        return new ErrorPage(imports.errors(me, id, page, locale), page, MemberImports.ERRORS_PAGE_SIZE);
    }

    @Operation(summary = "The error file (.xlsx): the rows in error as they were, plus an error column; audited")
    @GetMapping("/api/v1/member-imports/{id}/errors.xlsx")
    void errorFile(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Locale locale,
            HttpServletResponse response) throws IOException {
        ImportView job = imports.get(me, id);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, errorFileName(job));
        imports.writeErrorFile(me, id, locale, response.getOutputStream());
    }

    static String errorFileName(ImportView job) {
        return ContentDisposition.attachment().filename("导入错误-" + job.id() + ".xlsx", StandardCharsets.UTF_8)
                .build().toString();
    }
}
