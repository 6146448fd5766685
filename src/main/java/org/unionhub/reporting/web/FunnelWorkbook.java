package org.unionhub.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.unionhub.reporting.Funnel;
import org.unionhub.reporting.FunnelBreakdown;
import org.unionhub.reporting.FunnelMeasure;

/**
 * A funnel breakdown as .xlsx: one sheet with the node and its children, one with the months. Figures are written as
 * numbers, so they can be summed and charted in the spreadsheet; headers come from the caller's language.
 */
final class FunnelWorkbook {

    private FunnelWorkbook() {
    }

    static void write(FunnelBreakdown breakdown, Function<String, String> label, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "UnionHub", "1.0");
        Worksheet byNode = workbook.newWorksheet(label.apply("funnel.sheet.nodes"));
        header(byNode, List.of(label.apply("funnel.org"), label.apply("funnel.from"), label.apply("funnel.to")),
                label);
        int row = 1;
        row(byNode, row++, breakdown.total().orgName(), breakdown.total());
        for (Funnel child : breakdown.children()) {
            row(byNode, row++, child.orgName(), child);
        }
        Worksheet byMonth = workbook.newWorksheet(label.apply("funnel.sheet.months"));
        header(byMonth, List.of(label.apply("funnel.month"), label.apply("funnel.from"), label.apply("funnel.to")),
                label);
        row = 1;
        for (Funnel month : breakdown.months()) {
            row(byMonth, row++, month.from().toString().substring(0, 7), month);
        }
        workbook.finish();
    }

    private static void header(Worksheet sheet, List<String> leading, Function<String, String> label) {
        int column = 0;
        for (String text : leading) {
            sheet.inlineString(0, column++, text);
        }
        for (FunnelMeasure measure : FunnelMeasure.values()) {
            sheet.inlineString(0, column++, label.apply("funnel.measure." + measure.key()));
        }
        sheet.range(0, 0, 0, column - 1).style().bold().set();
    }

    private static void row(Worksheet sheet, int row, String name, Funnel funnel) {
        sheet.inlineString(row, 0, name);
        sheet.value(row, 1, funnel.from());
        sheet.style(row, 1).format("yyyy-mm-dd").set();
        sheet.value(row, 2, funnel.to());
        sheet.style(row, 2).format("yyyy-mm-dd").set();
        int column = 3;
        for (FunnelMeasure measure : FunnelMeasure.values()) {
            sheet.value(row, column++, measure.of(funnel));
        }
    }
}
