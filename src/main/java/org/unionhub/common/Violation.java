package org.unionhub.common;

/**
 * One broken rule on one input field: {@code field} names the input (as the API spells it), {@code code} is the stable
 * rule code (for example {@code CHECK_CHARACTER}); the text shown to people is looked up from the code.
 */
public record Violation(String field, String code) {
}
