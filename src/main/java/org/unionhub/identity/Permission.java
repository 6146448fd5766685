package org.unionhub.identity;

/** What a role may do; granted as authorities of the same name. */
public enum Permission {
    /** See the tree, unions and enterprises in scope. */
    ORG_READ,
    /** Create and edit unions and enterprises in scope. */
    ORG_WRITE,
    /** Move subtrees and close unions in scope. */
    ORG_RESHAPE,
    /** Create and change staff accounts in scope, issue partner tokens. */
    ACCOUNT_ADMIN,
    /** Read the audit log of the scope. */
    AUDIT_READ,
    /** Register and maintain service stations in scope. */
    STATION_WRITE,
    /** Accept stations, release their grants, set funding standards and district budgets. */
    FUNDING_MANAGE,
    /** See a member's document number or phone in clear (each reveal is audited) and export them unmasked. */
    PERSONAL_DATA_REVEAL,
    /** Act as a partner, only through the steps granted. */
    PARTNER
}
