package org.unionhub.organisation;

public enum OrgStatus {
    ACTIVE,
    CLOSED
}
