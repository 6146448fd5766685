package org.unionhub.membership;

/** The personal fields kept encrypted and shown masked; staff with the right may reveal one at a time. */
public enum PersonalField {
    ID_NUMBER,
    PHONE
}
