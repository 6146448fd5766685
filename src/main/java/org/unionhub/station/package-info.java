/**
 * Service stations (服务阵地): workers' homes, warm stations, outdoor workers' stations and the rest — the registry staff
 * keep (kinds, amenities and host types as code tables, opening hours with exceptions, a life from planned to accepted,
 * funding standards, district budgets and grants, spreadsheet import and export) and the finder workers use without
 * signing in (nearest stations open now with the amenities they need, from an in-memory index; scan on arrival).
 * Coordinates are GCJ-02. Owns the {@code station*}, {@code amenity}, {@code funding_standard},
 * {@code district_budget} and {@code public_holiday} tables. Depends on {@code organisation} (owners and scope),
 * {@code identity} (its public endpoints) and {@code common}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "identity", "common"})
package org.unionhub.station;
