package org.unionhub.membership.imports.domain;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a file holds which field. A first guess comes from the header row: the mapping this union saved
 * last (by header text), then the template's headings and their usual variants, compared after dropping spaces,
 * asterisks, notes in brackets (“证件号码（必填）”) and full-width forms. A column is used for one field at most.
 */
public final class ColumnMapping {

    private ColumnMapping() {
    }

    /**
     * @param headers the file's header row
     * @param saved field → header text, as this union mapped its previous file; may be empty
     */
    public static Map<ImportField, Integer> guess(List<String> headers, Map<ImportField, String> saved) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        Set<Integer> taken = new HashSet<>();
        List<String> normalised = headers.stream().map(ColumnMapping::normalise).toList();
        saved.forEach((field, header) -> {
            int column = normalised.indexOf(normalise(header));
            if (column >= 0 && taken.add(column)) {
                mapping.put(field, column);
            }
        });
        for (ImportField field : ImportField.values()) {
            if (mapping.containsKey(field)) {
                continue;
            }
            int column = find(field, normalised, taken, true);
            if (column < 0) {
                column = find(field, normalised, taken, false);
            }
            if (column >= 0) {
                taken.add(column);
                mapping.put(field, column);
            }
        }
        return mapping;
    }

    /** The saved form of a mapping: field → the header text of its column. */
    public static Map<ImportField, String> byHeader(Map<ImportField, Integer> mapping, List<String> headers) {
        Map<ImportField, String> saved = new EnumMap<>(ImportField.class);
        mapping.forEach((field, column) -> {
            if (column < headers.size() && !headers.get(column).isBlank()) {
                saved.put(field, headers.get(column));
            }
        });
        return saved;
    }

    /** Exact heading first; then a heading that contains one of the field's names (“职工身份证号”). */
    private static int find(ImportField field, List<String> headers, Set<Integer> taken, boolean exact) {
        for (String name : field.headers()) {
            for (int c = 0; c < headers.size(); c++) {
                String header = headers.get(c);
                if (!taken.contains(c) && !header.isEmpty()
                        && (exact ? header.equals(name) || header.equalsIgnoreCase(field.key())
                                : name.length() > 1 && header.contains(name))) {
                    return c;
                }
            }
        }
        return -1;
    }

    static String normalise(String header) {
        String text = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        return text.replaceAll("[(\\[][^)\\]]*[)\\]]", "")
                .replaceAll("[\\s*:：]", "")
                .toLowerCase(Locale.ROOT);
    }
}
