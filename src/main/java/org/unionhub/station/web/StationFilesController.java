package org.unionhub.station.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.StationSpreadsheets;
import org.unionhub.station.StationSpreadsheets.ImportResult;

/** Station import and export in Excel. */
@Controller
class StationFilesController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StationSpreadsheets spreadsheets;
    private final MessageSource messages;
    private final Clock clock;

    StationFilesController(StationSpreadsheets spreadsheets, MessageSource messages, Clock clock) {
        this.spreadsheets = spreadsheets;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/stations/export.xlsx")
    @PreAuthorize("hasAuthority('ORG_READ')")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal ScopedPrincipal me) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("服务阵地-" + LocalDate.now(clock) + ".xlsx"))
                .body(out -> spreadsheets.export(me, out));
    }

    @GetMapping("/stations/import")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String importForm() {
        return "stations/import";
    }

    @PostMapping("/stations/import")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String importFile(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response, Model model, Locale locale) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ValidationFailure.of("file", "REQUIRED");
            }
            ImportResult result;
            try (InputStream in = file.getInputStream()) {
                result = spreadsheets.importFrom(me, in);
            }
            if (!result.succeeded()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                response.setContentType(XLSX.toString());
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("导入错误-" + file.getOriginalFilename()));
                response.setHeader("X-Rows-In-Error", String.valueOf(result.rowsInError()));
                response.getOutputStream().write(result.errorFile());
                return null;
            }
            model.addAttribute("result", result);
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
        }
        return "stations/import";
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }
}
