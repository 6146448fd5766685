package org.unionhub.outreach;

/** Why an enterprise declined to found a union for now; {@code OTHER} needs a note. */
public enum DeclineReason {
    NOT_INTERESTED,
    TOO_FEW_EMPLOYEES,
    BUSINESS_DIFFICULTIES,
    UNION_AT_HEADQUARTERS,
    OTHER
}
