package org.unionhub;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

/** Text for a rule violation: the field's label and the rule, e.g. 统一社会信用代码：校验位不正确. */
public final class Messages {

    private Messages() {
    }

    /**
     * Fails with a FORMAT violation for every form field whose text could not be converted (letters in a number
     * field, an impossible date), before any rule is checked.
     */
    public static void requireWellTyped(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            throw new ValidationFailure(binding.getFieldErrors().stream()
                    .map(error -> new Violation(error.getField(), "FORMAT")).toList());
        }
    }

    /** Field name → message, for showing each error beside its field; errors without a field under the empty key. */
    public static Map<String, String> byField(MessageSource messages, ValidationFailure failure, Locale locale) {
        return byField(messages, failure, locale, null);
    }

    /**
     * As {@link #byField(MessageSource, ValidationFailure, Locale)}, with field labels looked up first as
     * {@code field.<context>.<field>} (a person's {@code name} is 姓名, a union's 名称).
     */
    public static Map<String, String> byField(MessageSource messages, ValidationFailure failure, Locale locale,
            String context) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation violation : failure.violations()) {
            errors.merge(violation.field() == null ? "" : violation.field(),
                    violation(messages, violation, locale, context), (a, b) -> a + "；" + b);
        }
        return errors;
    }

    public static String violation(MessageSource messages, Violation violation, Locale locale) {
        return violation(messages, violation, locale, null);
    }

    /** As {@link #violation(MessageSource, Violation, Locale)}, the field's label looked up in a context first. */
    public static String violation(MessageSource messages, Violation violation, Locale locale, String context) {
        String rule = messages.getMessage("error." + violation.code(), null, violation.code(), locale);
        if (violation.field() == null) {
            return rule;
        }
        String generic = messages.getMessage("field." + violation.field(), null, violation.field(), locale);
        String label = context == null ? generic
                : messages.getMessage("field." + context + "." + violation.field(), null, generic, locale);
        return messages.getMessage("error.format", new Object[] {label, rule}, label + ": " + rule, locale);
    }
}
