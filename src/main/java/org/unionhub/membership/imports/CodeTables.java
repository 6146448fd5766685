package org.unionhub.membership.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unionhub.membership.imports.domain.RowChecker.CodeTable;

/** The template's code tables (education, employment status, skill grade): read once, small and fixed. */
@Component
class CodeTables {

    /** One entry of a code table, for the template's help and the import page. */
    record Entry(String code, String nameZh, String nameEn) {
    }

    private final JdbcClient jdbc;
    private volatile Map<String, Table> tables;

    CodeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CodeTable educations() {
        return table("education_level");
    }

    CodeTable employmentStatuses() {
        return table("employment_status");
    }

    CodeTable skillGrades() {
        return table("skill_grade");
    }

    List<Entry> entries(String tableName) {
        return tables().get(tableName).entries();
    }

    private Table table(String name) {
        return tables().get(name);
    }

    private Map<String, Table> tables() {
        if (tables == null) {
            Map<String, Table> loaded = new HashMap<>();
            for (String name : List.of("education_level", "employment_status", "skill_grade")) {
                loaded.put(name, load(name));
            }
            tables = loaded;
        }
        return tables;
    }

    private Table load(String name) {
        Map<String, String> byText = new HashMap<>();
        List<Entry> entries = jdbc.sql("SELECT code, name_zh, name_en, aliases FROM " + name + " ORDER BY sort")
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    byText.put(code, code);
                    byText.put(rs.getString("name_zh"), code);
                    for (String alias : (String[]) rs.getArray("aliases").getArray()) {
                        byText.put(alias, code);
                    }
                    return new Entry(code, rs.getString("name_zh"), rs.getString("name_en"));
                })
                .list();
        return new Table(Map.copyOf(byText), entries);
    }

    private record Table(Map<String, String> byText, List<Entry> entries) implements CodeTable {

        @Override
        public Optional<String> codeOf(String text) {
            String code = byText.get(text);
            return Optional.ofNullable(code != null ? code : byText.get(text.toUpperCase(Locale.ROOT)));
        }
    }
}
