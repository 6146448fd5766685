package org.unionhub.station.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.Station;
import org.unionhub.station.StationFinder;
import org.unionhub.station.StationFinder.Found;
import org.unionhub.station.StationFunding;
import org.unionhub.station.StationFunding.BudgetView;
import org.unionhub.station.StationGrant;
import org.unionhub.station.StationInput;
import org.unionhub.station.StationRegistry;
import org.unionhub.station.StationStatus;
import org.unionhub.station.domain.GeoMath;

@Tag(name = "Stations", description = "Service stations: the public finder and the staff registry")
@RestController
@RequestMapping("/api/v1")
class StationApiController {

    record NearestAnswer(List<Found> stations) {
    }

    record StatusChange(StationStatus status) {
    }

    record StandardInput(Long districtOrgId, Integer year, String kindCode, String amount) {
    }

    record BudgetInput(Long districtOrgId, Integer year, String amount) {
    }

    private final StationFinder finder;
    private final StationRegistry registry;
    private final StationFunding funding;

    StationApiController(StationFinder finder, StationRegistry registry, StationFunding funding) {
        this.finder = finder;
        this.registry = registry;
        this.funding = funding;
    }

    @Operation(summary = "Nearest stations in service (no sign-in)",
            description = "Sorted by great-circle distance in metres; only stations with every amenity asked for and, "
                    + "with openNow, open at the request time (Asia/Shanghai); within 50 km.")
    @GetMapping("/stations/nearest")
    NearestAnswer nearest(
            @RequestParam double lat,
            @RequestParam double lng,
            @Parameter(description = "comma-separated amenity codes, e.g. HOT_MEALS,CHARGING")
            @RequestParam(required = false) String amenities,
            @RequestParam(defaultValue = "false") boolean openNow,
            @RequestParam(defaultValue = "10") int limit,
            @Parameter(description = "GCJ02 (default, as Chinese maps give) or WGS84 (GPS)")
            @RequestParam(defaultValue = "GCJ02") String crs) {
        GeoMath.LatLng position = switch (crs.toUpperCase(java.util.Locale.ROOT)) {
            case "GCJ02" -> new GeoMath.LatLng(lat, lng);
            case "WGS84" -> StationFinder.fromGps(lat, lng);
            default -> throw ValidationFailure.of("crs", "UNKNOWN_CODE");
        };
        List<String> wanted = Optional.ofNullable(amenities).filter(a -> !a.isBlank())
                .map(a -> Arrays.stream(a.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new NearestAnswer(finder.nearest(position.lat(), position.lng(), wanted, openNow, limit));
    }

    @Operation(summary = "Stations in the caller's scope")
    @GetMapping("/stations")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<Station> search(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) StationStatus status) {
        return registry.search(me, q, kind, status);
    }

    @Operation(summary = "One station; 404 outside the caller's scope")
    @GetMapping("/stations/{id}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    Station get(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return registry.get(me, id);
    }

    @Operation(summary = "Register a station (the same union, name and address again updates it)")
    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    Station create(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody StationInput input) {
        return registry.create(me, input);
    }

    @Operation(summary = "Change a station")
    @PutMapping("/stations/{id}")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    Station update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody StationInput input) {
        return registry.update(me, id, input);
    }

    @Operation(summary = "Move a station to its next status; BUILT requests its grant, ACCEPTED releases it")
    @PostMapping("/stations/{id}/status")
    @PreAuthorize("hasAuthority('STATION_WRITE') and (#change.status() != T(org.unionhub.station.StationStatus).ACCEPTED"
            + " or hasAuthority('FUNDING_MANAGE'))")
    Station changeStatus(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody StatusChange change) {
        return registry.changeStatus(me, id, change.status());
    }

    @Operation(summary = "The station's grant, if its kind is funded")
    @GetMapping("/stations/{id}/grant")
    @PreAuthorize("hasAuthority('ORG_READ')")
    StationGrant grant(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        registry.get(me, id);
        return funding.grantOf(id).orElseThrow(() -> new org.unionhub.common.NotFoundException("Grant of " + id));
    }

    @Operation(summary = "Set a funding standard: the city's default (no districtOrgId) or a district's own")
    @PutMapping("/station-funding/standards")
    @PreAuthorize("hasAuthority('FUNDING_MANAGE')")
    void setStandard(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody StandardInput input) {
        funding.setStandard(me, input.districtOrgId(), year(input.year()), input.kindCode(), input.amount());
    }

    @Operation(summary = "Set a district's station budget for a year")
    @PutMapping("/station-funding/budgets")
    @PreAuthorize("hasAuthority('FUNDING_MANAGE')")
    BudgetView setBudget(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody BudgetInput input) {
        if (input.districtOrgId() == null) {
            throw ValidationFailure.of("districtOrgId", "REQUIRED");
        }
        funding.setBudget(me, input.districtOrgId(), year(input.year()), input.amount());
        return funding.budget(me, input.districtOrgId(), input.year());
    }

    @Operation(summary = "A district's budget, committed grants and what remains")
    @GetMapping("/station-funding/budgets/{districtOrgId}/{year}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    BudgetView budget(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long districtOrgId,
            @PathVariable int year) {
        return funding.budget(me, districtOrgId, year);
    }

    private static int year(Integer year) {
        if (year == null) {
            throw ValidationFailure.of("year", "REQUIRED");
        }
        return year;
    }
}
