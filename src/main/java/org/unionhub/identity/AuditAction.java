package org.unionhub.identity;

/** What the audit log records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED_OUT,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    PASSWORD_CHANGED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    TOKEN_REJECTED,
    PERSONAL_FIELD_REVEALED,
    PERSONAL_DATA_EXPORTED
}
