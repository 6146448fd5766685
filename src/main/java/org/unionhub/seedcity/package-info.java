/**
 * The seeds' city, reproducible: a generator that builds the city as the newspaper pages describe it — the pilot of
 * April 2018 in 11 districts and 120 streets, city-wide from October 2018, the figures to 2023-04-30 and the
 * city-wide day of 2023-05-30 — as individual records, deterministically from a seed and at any scale (see
 * {@code docs/reporting.md}). {@code domain/} plans the city without Spring ({@code CityPlanner}, the calendar,
 * people, employers, exact apportionment) and says what the funnel must show for any area and period;
 * {@link org.unionhub.seedcity.SeedCity} stores the plan through the owning modules' public APIs (the tree, the
 * enterprise registry, enterprise session records and pipelines, and the outreach and membership backfills), so the
 * read models are built by the same events production publishes. {@code SeedCityCommand} runs it when the
 * application starts with {@code --unionhub.seed-city.scale=…}; it is never part of the normal start. Owns no
 * tables. Depends on {@code organisation}, {@code outreach}, {@code membership} and {@code common}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "outreach", "membership",
        "common"})
package org.unionhub.seedcity;
