package org.unionhub.membership.imports.domain;

import java.util.List;

/**
 * The columns of a roster file: the fields of the Beijing card template (京卡会员信息). {@code key} is the field's
 * name in the API and in messages ({@code field.<key>}); {@code headers} are the column headings it is recognised by,
 * the template's own first.
 */
public enum ImportField {
    NAME("name", true, List.of("姓名", "会员姓名", "职工姓名", "名字")),
    ID_TYPE("idType", false, List.of("证件类型", "证件种类")),
    ID_NUMBER("idNumber", true, List.of("证件号码", "身份证号码", "身份证号", "公民身份号码", "证件号", "身份证")),
    SEX("sex", false, List.of("性别")),
    PHONE("phone", true, List.of("手机号码", "手机号", "手机", "移动电话", "联系电话", "电话")),
    EDUCATION("education", false, List.of("学历", "文化程度", "最高学历")),
    EMPLOYMENT_STATUS("employmentStatus", false, List.of("就业状态", "就业情况", "用工形式")),
    SKILL_GRADE("skillGrade", false, List.of("技能等级", "职业技能等级", "技术等级", "技能等级证书")),
    RESIDENCE("residence", false, List.of("户籍所在地", "户籍", "户口所在地", "户籍地址", "户籍地")),
    NON_BEIJING_WORKER("nonBeijingWorker", false, List.of("是否外埠职工", "外埠职工", "是否非京籍", "非京籍职工",
            "非京籍")),
    UNION("union", false, List.of("所属工会", "工会名称", "所在工会", "工会", "所属工会编号", "工会编号"));

    private final String key;
    private final boolean required;
    private final List<String> headers;

    ImportField(String key, boolean required, List<String> headers) {
        this.key = key;
        this.required = required;
        this.headers = headers;
    }

    public String key() {
        return key;
    }

    /** The column must be mapped (a missing document type means a resident ID; a missing union, the import's). */
    public boolean required() {
        return required;
    }

    public List<String> headers() {
        return headers;
    }

    public static ImportField ofKey(String key) {
        for (ImportField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }
}
