package org.unionhub.station;

/** A station grant: requested when the station is built, released after acceptance, cancelled if it closes first. */
public enum GrantStatus {
    REQUESTED,
    RELEASED,
    CANCELLED
}
