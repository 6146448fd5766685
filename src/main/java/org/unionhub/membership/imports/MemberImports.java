package org.unionhub.membership.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.Messages;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.identity.AuditAction;
import org.unionhub.identity.AuditLog;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.imports.ImportRepository.ErrorRow;
import org.unionhub.membership.imports.ImportRepository.ImportRow;
import org.unionhub.membership.imports.ImportRepository.NewImport;
import org.unionhub.membership.imports.domain.ColumnMapping;
import org.unionhub.membership.imports.domain.ImportField;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * Roster import (会员批量导入), for staff in their scope: upload a file (.xlsx or .csv) for a union → confirm which
 * column holds which field (guessed from the headers, and from the mapping the union used last) → every row is
 * checked in the background into staging → a dry run says how many members would be created, updated, skipped as
 * identical and how many rows are in error → commit, in background batches that survive a restart → an error file of
 * the rows that were not imported. An upload sent twice (the same file, or the same {@code Idempotency-Key}) is one
 * job, and a commit asked for twice is one commit.
 */
@Service
@Transactional(readOnly = true)
public class MemberImports {

    public static final int ERRORS_PAGE_SIZE = 50;
    static final int FILE_NAME_MAX = 200;
    private static final int RECENT = 20;
    private static final int FLUSH_EVERY = 1000;
    private static final String MESSAGE_CONTEXT = "import";
    private static final int TEMPLATE_TEXT_ROWS = 5000;

    /** An upload: the job, and whether it is new (false: the same upload was received before). */
    public record Uploaded(ImportView job, boolean created) {
    }

    /** A commit request: the job, and whether this request started the commit. */
    public record Commit(ImportView job, boolean started) {
    }

    /** One field's problem in a row, worded for the reader. */
    public record RowProblem(String field, String code, String message) {
    }

    /** A row that will not be (or was not) imported: its row number in the file and every problem it has. */
    public record RowErrors(int line, List<RowProblem> errors) {
    }

    private final ImportRepository imports;
    private final ImportStore store;
    private final ImportJobs jobs;
    private final ImportWorker worker;
    private final OrgTree tree;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final CodeTables codes;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;

    MemberImports(ImportRepository imports, ImportStore store, ImportJobs jobs, ImportWorker worker, OrgTree tree,
            ObjectMapper json, MessageSource messages, Clock clock, CodeTables codes, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.codes = codes;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.imports = imports;
        this.store = store;
        this.jobs = jobs;
        this.worker = worker;
        this.tree = tree;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Stores an upload for {@code unionId} (the caller's own union when null), which must be in scope; rows that do
     * not name a union go to it, and its saved mapping is offered. The same file (or key) again returns the first job.
     */
    @Transactional
    public Uploaded upload(ScopedPrincipal staff, Long unionId, String fileName, InputStreamSource file,
            String idempotencyKey) {
        var errors = new ValidationFailure.Collector();
        long target = unionId == null ? staff.scope().rootOrgId() : unionId;
        OrgUnit union = tree.covers(staff.scope(), target) ? tree.find(target).orElse(null) : null;
        if (union == null) {
            errors.add("unionId", "NOT_FOUND");
        }
        if (file == null) {
            errors.add("file", "REQUIRED");
        }
        String key = Texts.blankToNull(idempotencyKey);
        if (key != null && key.length() > 100) {
            errors.add("Idempotency-Key", "IDEMPOTENCY_KEY_FORMAT");
        }
        errors.throwIfAny();
        ImportFiles.Source source = file::getInputStream;
        ImportFiles.Facts facts = ImportFiles.inspect(source);
        List<String> headers;
        try {
            headers = ImportFiles.headers(source, facts.format(), facts.charset());
        } catch (ImportFiles.UnreadableFile e) {
            throw ValidationFailure.of("file", "NOT_XLSX_OR_CSV");
        }
        String uploadKey = Texts.sha256Hex(staff.username() + "|" + union.id() + "|"
                + (key != null ? "key:" + key : "file:" + facts.sha256()));
        var existing = imports.findByKey(uploadKey);
        if (existing.isPresent()) {
            return new Uploaded(view(existing.get()), false);
        }
        Map<ImportField, Integer> guess = ColumnMapping.guess(headers, savedMapping(union.id()));
        String name = Texts.blankToNull(fileName) == null ? "roster" : fileName.strip();
        var inserted = imports.insert(new NewImport(uploadKey, union.id(), union.path(), staff.username(),
                staff.scope().rootOrgId(), name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name,
                facts.format().name(), facts.charset() == null ? null : facts.charset().name(), facts.bytes(),
                headers, toJson(byKey(guess))));
        if (inserted.isEmpty()) {
            return new Uploaded(view(imports.findByKey(uploadKey).orElseThrow()), false);
        }
        store.store(inserted.get(), source);
        return new Uploaded(view(imports.find(inserted.get()).orElseThrow()), true);
    }

    public ImportView get(ScopedPrincipal staff, long id) {
        return view(inScope(staff, id));
    }

    /** The latest imports of unions in scope, newest first. */
    public List<ImportView> recent(ScopedPrincipal staff) {
        return imports.recent(scopePath(staff), RECENT).stream().map(this::view).toList();
    }

    /**
     * Confirms which column holds which field (field key → column index), saves it for the union (by header text)
     * and has every row checked again in the background. Name, document number and mobile must be mapped.
     */
    @Transactional
    public ImportView map(ScopedPrincipal staff, long id, Map<String, Integer> columns) {
        ImportRow job = inScope(staff, id);
        var errors = new ValidationFailure.Collector();
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        Set<Integer> used = new HashSet<>();
        (columns == null ? Map.<String, Integer>of() : columns).forEach((key, column) -> {
            ImportField field = ImportField.ofKey(key);
            if (field == null) {
                errors.add(key, "UNKNOWN_CODE");
            } else if (column == null) {
                return;
            } else if (column < 0 || column >= job.headers().size()) {
                errors.add(key, "OUT_OF_RANGE");
            } else if (!used.add(column)) {
                errors.add(key, "COLUMN_USED_TWICE");
            } else {
                mapping.put(field, column);
            }
        });
        for (ImportField field : ImportField.values()) {
            if (field.required() && !mapping.containsKey(field) && !errors.has(field.key())) {
                errors.add(field.key(), "REQUIRED");
            }
        }
        errors.throwIfAny();
        if (!imports.startValidation(id, toJson(byKey(mapping)))) {
            throw new ConflictException("IMPORT_NOT_EDITABLE");
        }
        imports.saveMapping(job.unionId(), toJson(byKeyText(ColumnMapping.byHeader(mapping, job.headers()))),
                staff.username());
        wakeWorkerAfterCommit();
        return view(imports.find(id).orElseThrow());
    }

    /** Starts the commit of a validated job; asked again while (or after) it runs, answers the same job. */
    @Transactional
    public Commit commit(ScopedPrincipal staff, long id) {
        ImportRow job = inScope(staff, id);
        if (imports.requestCommit(id, staff.username(), clock.instant())) {
            wakeWorkerAfterCommit();
            return new Commit(view(imports.find(id).orElseThrow()), true);
        }
        String status = imports.status(job.id());
        if ("COMMITTING".equals(status) || "COMMITTED".equals(status)) {
            return new Commit(view(imports.find(id).orElseThrow()), false);
        }
        throw new ConflictException("NOT_VALIDATED");
    }

    /** Drops a job that is not committing or committed, with its file and staging rows. */
    @Transactional
    public ImportView cancel(ScopedPrincipal staff, long id) {
        inScope(staff, id);
        if (!imports.cancel(id, clock.instant())) {
            throw new ConflictException("IMPORT_NOT_EDITABLE");
        }
        return view(imports.find(id).orElseThrow());
    }

    /** One page (from 1) of the rows in error, in file order. */
    public List<RowErrors> errors(ScopedPrincipal staff, long id, int page, Locale locale) {
        inScope(staff, id);
        if (page < 1) {
            throw ValidationFailure.of("page", "OUT_OF_RANGE");
        }
        return imports.errorRows(id, ERRORS_PAGE_SIZE, (long) (page - 1) * ERRORS_PAGE_SIZE).stream()
                .map(row -> new RowErrors(row.lineNo(), problems(row, locale))).toList();
    }

    /**
     * Writes the error file: the header row and every row in error as it was in the file (each cell as text), with
     * one more column that says, for that row, every problem. The file holds personal data in clear, so each download
     * is recorded in the audit log (committed before the file is sent).
     */
    public void writeErrorFile(StaffPrincipal staff, long id, Locale locale, OutputStream out) {
        ImportRow job = inScope(staff, id);
        ownTransaction.executeWithoutResult(status -> audit.record(staff, AuditAction.PERSONAL_DATA_EXPORTED,
                "import " + id, "rows=" + imports.errorCount(id) + "; error file"));
        String errorHeader = messages.getMessage("import.errorColumn", null, locale);
        try (Stream<ErrorRow> errorRows = imports.streamErrorRows(id)) {
            Iterator<ErrorRow> pending = errorRows.iterator();
            Workbook workbook = new Workbook(out, "UnionHub", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.getMessage("import.errorSheet", null, locale));
            int[] written = {0};
            int[] seq = {0};
            ErrorRow[] next = {pending.hasNext() ? pending.next() : null};
            ImportFiles.read(store.source(id), ImportFiles.Format.valueOf(job.fileFormat()),
                    job.fileCharset() == null ? null : Charset.forName(job.fileCharset()), (lineNo, cells) -> {
                        if (written[0] == 0) {
                            writeRow(sheet, 0, cells, job.headers().size(), errorHeader);
                            written[0]++;
                            return true;
                        }
                        seq[0]++;
                        if (next[0] != null && next[0].seq() == seq[0]) {
                            String text = messages.getMessage("import.lineErrors", new Object[] {lineNo,
                                    problems(next[0], locale).stream().map(RowProblem::message)
                                            .collect(Collectors.joining("；"))}, locale);
                            writeRow(sheet, written[0]++, cells, job.headers().size(), text);
                            next[0] = pending.hasNext() ? pending.next() : null;
                            if (written[0] % FLUSH_EVERY == 0) {
                                sheet.flush();
                            }
                        }
                        return next[0] != null;
                    });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template (导入模板): the header row of the Beijing card template, document-number and phone columns
     * formatted as text (so Excel keeps every digit), and a second sheet saying what each column takes.
     */
    public void writeTemplate(Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "UnionHub", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.getMessage("import.templateSheet", null, locale));
            Worksheet help = workbook.newWorksheet(messages.getMessage("import.helpSheet", null, locale));
            help.inlineString(0, 0, messages.getMessage("import.helpColumn", null, locale));
            help.inlineString(0, 1, messages.getMessage("import.helpRule", null, locale));
            for (ImportField field : ImportField.values()) {
                int c = field.ordinal();
                sheet.inlineString(0, c, field.headers().get(0));
                sheet.style(0, c).bold().set();
                sheet.width(c, 16);
                if (field == ImportField.ID_NUMBER || field == ImportField.PHONE) {
                    sheet.range(1, c, TEMPLATE_TEXT_ROWS, c).style().format("@").set();
                    sheet.width(c, 22);
                }
                help.inlineString(c + 1, 0, field.headers().get(0));
                help.inlineString(c + 1, 1, helpText(field, locale));
            }
            help.width(0, 16);
            help.width(1, 100);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String helpText(ImportField field, Locale locale) {
        String rule = messages.getMessage("import.help." + field.key(), null, locale);
        String table = switch (field) {
            case EDUCATION -> "education_level";
            case EMPLOYMENT_STATUS -> "employment_status";
            case SKILL_GRADE -> "skill_grade";
            default -> null;
        };
        if (table == null) {
            return rule;
        }
        return rule + codes.entries(table).stream().map(CodeTables.Entry::nameZh).collect(Collectors.joining("、"));
    }

    /** The fields a file can have, in the template's order. */
    public List<ImportField> fields() {
        return List.of(ImportField.values());
    }

    /** The row's cells as they were, the error in the column after the header's last; longer rows go on after it. */
    private static void writeRow(Worksheet sheet, int row, List<String> cells, int errorColumn, String error) {
        for (int c = 0; c < cells.size(); c++) {
            sheet.inlineString(row, c < errorColumn ? c : c + 1, cells.get(c));
        }
        sheet.inlineString(row, errorColumn, error);
    }

    private List<RowProblem> problems(ErrorRow row, Locale locale) {
        List<RowProblem> problems = new ArrayList<>();
        for (String item : row.errors()) {
            int colon = item.indexOf(':');
            Violation violation = new Violation(item.substring(0, colon), item.substring(colon + 1));
            String message = Messages.violation(messages, violation, locale, MESSAGE_CONTEXT);
            if ("DUPLICATE_IN_FILE".equals(violation.code()) && !row.duplicateLines().isEmpty()) {
                message += messages.getMessage("import.duplicateLines", new Object[] {row.duplicateLines().stream()
                        .map(String::valueOf).collect(Collectors.joining("、"))}, locale);
            }
            problems.add(new RowProblem(violation.field(), violation.code(), message));
        }
        return problems;
    }

    private ImportRow inScope(ScopedPrincipal staff, long id) {
        return imports.findInScope(scopePath(staff), id)
                .orElseThrow(() -> new NotFoundException("Member import " + id));
    }

    private String scopePath(ScopedPrincipal staff) {
        return tree.get(staff.scope(), staff.scope().rootOrgId()).path();
    }

    private void wakeWorkerAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.nudge();
            }
        });
    }

    private Map<ImportField, String> savedMapping(long unionId) {
        Map<ImportField, String> saved = new EnumMap<>(ImportField.class);
        imports.savedMapping(unionId).ifPresent(text -> {
            try {
                json.readValue(text, new TypeReference<Map<String, String>>() {
                }).forEach((key, header) -> {
                    ImportField field = ImportField.ofKey(key);
                    if (field != null) {
                        saved.put(field, header);
                    }
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Saved mapping is not JSON", e);
            }
        });
        return saved;
    }

    private static Map<String, Integer> byKey(Map<ImportField, Integer> mapping) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        mapping.forEach((field, column) -> byKey.put(field.key(), column));
        return byKey;
    }

    private static Map<String, String> byKeyText(Map<ImportField, String> mapping) {
        Map<String, String> byKey = new LinkedHashMap<>();
        mapping.forEach((field, header) -> byKey.put(field.key(), header));
        return byKey;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportView view(ImportRow row) {
        String unionName = tree.find(row.unionId()).map(OrgUnit::name).orElse("");
        Map<String, Integer> mapping = row.mapping() == null ? Map.of() : byKey(jobs.mapping(row.mapping()));
        return new ImportView(row.id(), row.unionId(), unionName, row.fileName(), row.status(), row.failure(),
                row.headers(), mapping, row.totalRows(), row.validatedRows(), row.toCreate(), row.toUpdate(),
                row.toSkip(), row.inError(), row.committedRows(), row.createdCount(), row.updatedCount(),
                row.skippedCount(), row.failedCount(), row.createdBy(), row.createdAt(), row.finishedAt());
    }
}
