package org.unionhub.membership;

import java.util.Locale;

/** A reason from the code table, shown to the worker. */
public record RejectReason(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
