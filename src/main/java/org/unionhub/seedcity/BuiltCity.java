package org.unionhub.seedcity;

import java.time.Duration;

/** A city the generator built: what was planned, how long storing the records took, and until every listener ran. */
public record BuiltCity(PlannedCity city, Duration recorded, Duration handled) {
}
