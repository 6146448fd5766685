package org.unionhub.seedcity.domain;

/**
 * A street-level union that runs sessions: a street, town, township or park of the division list, or the
 * development area's union itself. {@code key} is its 9-digit division code (110115403 for the development area),
 * {@code districtKey} the {@link District} it belongs to, {@code shortName} its name without 总工会 (中关村街道).
 */
public record CityUnit(String key, String shortName, Kind kind, String districtKey) {

    /** What kind of place it is: dense city streets draw more workers than mountain townships. */
    public enum Kind {
        STREET(1.0), TOWN(0.6), TOWNSHIP(0.35), PARK(0.8), DISTRICT(1.0);

        private final double density;

        Kind(double density) {
            this.density = density;
        }

        public double density() {
            return density;
        }
    }
}
