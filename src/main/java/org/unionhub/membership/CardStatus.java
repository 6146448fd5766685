package org.unionhub.membership;

/**
 * Where a member's mutual-aid card (互助服务卡) stands: not asked for (yet), asked for and waiting for the bank,
 * waiting again after the bank failed, or issued.
 */
public enum CardStatus {
    NOT_REQUESTED,
    REQUESTED,
    RETRYING,
    ISSUED
}
