package org.unionhub.station;

/** A station was created, edited or changed status; the finder refreshes its entry once the change commits. */
record StationChanged(long stationId) {
}
