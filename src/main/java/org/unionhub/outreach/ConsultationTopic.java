package org.unionhub.outreach;

import java.util.Locale;

/** A consultation topic from the code table (joining, legal, health, work safety, union services, other). */
public record ConsultationTopic(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
