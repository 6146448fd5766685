package org.unionhub.identity;

/** The steps a partner may take through the API; a partner token carries a subset of its role's steps. */
public enum PartnerStep {
    CARD_ISSUING,
    LOAN_LENDING,
    SUBSIDY_CLAIM,
    LOAN_GUARANTEE,
    POINTS_REDEMPTION
}
