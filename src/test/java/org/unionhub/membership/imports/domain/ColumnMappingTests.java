package org.unionhub.membership.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTests {

    @Test
    void recognisesTheTemplatesHeadings() {
        List<String> headers = List.of("姓名", "证件类型", "证件号码", "性别", "手机号码", "学历", "就业状态", "技能等级",
                "户籍所在地", "是否外埠职工", "所属工会");
        Map<ImportField, Integer> mapping = ColumnMapping.guess(headers, Map.of());
        for (ImportField field : ImportField.values()) {
            assertThat(mapping.get(field)).as(field.key()).isEqualTo(field.ordinal());
        }
    }

    @Test
    void recognisesUsualVariantsWithNotesAndSpaces() {
        List<String> headers = List.of("序号", "职工姓名", "身份证号 ", "联系电话*", "文化程度（必填）", "备注");
        Map<ImportField, Integer> mapping = ColumnMapping.guess(headers, Map.of());
        assertThat(mapping).containsEntry(ImportField.NAME, 1).containsEntry(ImportField.ID_NUMBER, 2)
                .containsEntry(ImportField.PHONE, 3).containsEntry(ImportField.EDUCATION, 4)
                .doesNotContainKeys(ImportField.UNION, ImportField.SEX);
    }

    @Test
    void prefersTheMappingTheUnionSavedAndUsesEachColumnOnce() {
        List<String> headers = List.of("名字", "号码", "手机", "电话");
        Map<ImportField, Integer> mapping = ColumnMapping.guess(headers,
                Map.of(ImportField.NAME, "名字", ImportField.ID_NUMBER, "号码", ImportField.PHONE, "电话"));
        assertThat(mapping).containsEntry(ImportField.NAME, 0).containsEntry(ImportField.ID_NUMBER, 1)
                .containsEntry(ImportField.PHONE, 3);
        assertThat(mapping.values()).doesNotHaveDuplicates();
    }

    @Test
    void savesAMappingByHeaderText() {
        assertThat(ColumnMapping.byHeader(Map.of(ImportField.NAME, 0, ImportField.PHONE, 2),
                List.of("名字", "号码", "电话"))).isEqualTo(Map.of(ImportField.NAME, "名字", ImportField.PHONE, "电话"));
    }
}
