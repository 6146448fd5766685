package org.unionhub.station;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.persistence.StationRepository;
import org.unionhub.station.persistence.StationRepository.StationRow;

/**
 * Stations to and from Excel (streamed with fastexcel, never a whole workbook in memory). Every cell is written and
 * read as text, so phone numbers and codes keep their digits. An import is all or nothing: every row is checked
 * first, and a file with any wrong row comes back as the original rows plus an error column.
 */
@Service
public class StationSpreadsheets {

    /** The columns, in order; the header row carries their Chinese names. */
    static final List<String> COLUMNS = List.of("名称", "类型", "所属工会编号", "承建方类型", "承建方", "地址", "纬度", "经度",
            "坐标系", "服务设施", "开放时间", "例外日期", "法定节假日闭站", "免费停车分钟", "容纳人数", "联系人", "联系电话", "状态", "编号");

    /** What an import did: counts, or the error file when nothing was imported. */
    public record ImportResult(int created, int updated, int rowsInError, byte[] errorFile) {

        public boolean succeeded() {
            return errorFile == null;
        }
    }

    private final StationRegistry registry;
    private final StationRepository stations;
    private final StationCodes codes;
    private final MessageSource messages;

    StationSpreadsheets(StationRegistry registry, StationRepository stations, StationCodes codes,
            MessageSource messages) {
        this.registry = registry;
        this.stations = stations;
        this.codes = codes;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void export(ScopedPrincipal me, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "UnionHub", "1.0");
            Worksheet sheet = workbook.newWorksheet("服务阵地");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
            }
            int[] row = {1};
            Function<StationRow, Station> viewer = registry.viewer();
            stations.forEachInScope(registry.scopePath(me), s -> {
                Station v = viewer.apply(s);
                List<String> cells = List.of(v.name(), codes.kindName(v.kindCode(), Locale.SIMPLIFIED_CHINESE),
                        String.valueOf(v.ownerOrgId()),
                        v.hostTypeCode() == null ? "" : codes.hostTypeName(v.hostTypeCode(), Locale.SIMPLIFIED_CHINESE),
                        nz(v.hostName()), v.address(), v.lat().toPlainString(), v.lng().toPlainString(), "GCJ-02",
                        String.join("、", v.amenities().stream()
                                .map(a -> codes.amenityName(a, Locale.SIMPLIFIED_CHINESE)).toList()),
                        v.weeklyHours(), v.hoursExceptions(), v.closedOnHolidays() ? "是" : "否",
                        v.parkingFreeMinutes() == null ? "" : v.parkingFreeMinutes().toString(),
                        v.capacity() == null ? "" : v.capacity().toString(), nz(v.contactName()), nz(v.contactPhone()),
                        v.status().name(), String.valueOf(v.id()));
                for (int c = 0; c < cells.size(); c++) {
                    sheet.inlineString(row[0], c, cells.get(c));
                }
                row[0]++;
            });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a sheet in one transaction; any wrong row stores nothing and yields the error file. */
    @Transactional
    public ImportResult importFrom(ScopedPrincipal me, InputStream in) {
        List<List<String>> rows = read(in);
        if (rows.size() <= 1) {
            throw ValidationFailure.of("file", "EMPTY_FILE");
        }
        List<String> errors = new ArrayList<>();
        List<StationInput> inputs = new ArrayList<>();
        int inError = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String error = "";
            StationInput input = null;
            try {
                input = keepingPhotos(input(row));
                registry.validate(me, input);
            } catch (ValidationFailure failure) {
                error = describe(failure);
            }
            errors.add(error);
            inputs.add(input);
            if (!error.isEmpty()) {
                inError++;
            }
        }
        if (inError > 0) {
            return new ImportResult(0, 0, inError, errorFile(rows, errors));
        }
        int created = 0;
        int updated = 0;
        for (StationInput input : inputs) {
            if (registry.createOrUpdate(me, input)) {
                created++;
            } else {
                updated++;
            }
        }
        return new ImportResult(created, updated, 0, null);
    }

    private StationInput input(List<String> row) {
        var problems = new ValidationFailure.Collector();
        String kind = codes.kindCodeOf(cell(row, 1)).orElseGet(() -> {
            problems.add("kindCode", "UNKNOWN_CODE");
            return null;
        });
        Long owner = number(cell(row, 2), "ownerOrgId", problems);
        String hostType = cell(row, 3).isEmpty() ? null : codes.hostTypeCodeOf(cell(row, 3)).orElseGet(() -> {
            problems.add("hostTypeCode", "UNKNOWN_CODE");
            return null;
        });
        List<String> amenities = new ArrayList<>();
        for (String name : cell(row, 9).split("[、,，;；]")) {
            if (!name.isBlank()) {
                codes.amenityCodeOf(name).ifPresentOrElse(amenities::add,
                        () -> problems.add("amenities", "UNKNOWN_CODE"));
            }
        }
        String crs = cell(row, 8).toUpperCase(Locale.ROOT).replace("-", "");
        Long parking = number(cell(row, 13), "parkingFreeMinutes", problems);
        Long capacity = number(cell(row, 14), "capacity", problems);
        problems.throwIfAny();
        return new StationInput(cell(row, 0), kind, owner, hostType, cell(row, 4), cell(row, 5),
                decimal(cell(row, 6), "lat"), decimal(cell(row, 7), "lng"), crs.isEmpty() ? "GCJ02" : crs, amenities,
                parking == null ? null : parking.intValue(), capacity == null ? null : capacity.intValue(),
                cell(row, 12).equals("是") || cell(row, 12).equalsIgnoreCase("yes"), cell(row, 15), cell(row, 16),
                List.of(), cell(row, 10), cell(row, 11));
    }

    /** The sheet has no photo column: a row of a station already registered keeps that station's photo links. */
    private StationInput keepingPhotos(StationInput input) {
        if (input.ownerOrgId() == null || input.name().isEmpty() || input.address().isEmpty()) {
            return input;
        }
        return stations.findSame(input.ownerOrgId(), input.name(), input.address())
                .flatMap(stations::findById)
                .map(existing -> new StationInput(input.name(), input.kindCode(), input.ownerOrgId(),
                        input.hostTypeCode(), input.hostName(), input.address(), input.lat(), input.lng(), input.crs(),
                        input.amenities(), input.parkingFreeMinutes(), input.capacity(), input.closedOnHolidays(),
                        input.contactName(), input.contactPhone(), existing.photoUrls(), input.weeklyHours(),
                        input.hoursExceptions()))
                .orElse(input);
    }

    private String describe(ValidationFailure failure) {
        return String.join("；", failure.violations().stream()
                .map(v -> org.unionhub.Messages.violation(messages, v, Locale.SIMPLIFIED_CHINESE)).toList());
    }

    private static List<List<String>> read(InputStream in) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Optional<org.dhatim.fastexcel.reader.Sheet> sheet = workbook.getSheets().findFirst();
            if (sheet.isEmpty()) {
                throw ValidationFailure.of("file", "EMPTY_FILE");
            }
            try (var stream = sheet.get().openStream()) {
                stream.forEach(row -> rows.add(cells(row)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationFailure failure) {
                throw failure;
            }
            throw new ValidationFailure(List.of(new Violation("file", "NOT_XLSX")));
        }
        rows.removeIf(r -> r.stream().allMatch(String::isBlank));
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            cells.add(row.getCellText(c) == null ? "" : row.getCellText(c).strip());
        }
        return cells;
    }

    private static byte[] errorFile(List<List<String>> rows, List<String> errors) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "UnionHub", "1.0");
            Worksheet sheet = workbook.newWorksheet("错误");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    sheet.inlineString(r, c, row.get(c));
                }
                sheet.inlineString(r, row.size(), r == 0 ? "错误" : errors.get(r - 1));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    private static Long number(String text, String field, ValidationFailure.Collector problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            problems.add(field, "FORMAT");
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ValidationFailure.of(field, "FORMAT");
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
