package org.unionhub.membership;

public enum ApplicationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED
}
