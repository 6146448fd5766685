package org.unionhub.station.web;

import java.time.LocalDate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.unionhub.Messages;
import org.unionhub.QrSvg;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.Station;
import org.unionhub.station.StationCodes;
import org.unionhub.station.StationFunding;
import org.unionhub.station.StationInput;
import org.unionhub.station.StationRegistry;
import org.unionhub.station.StationStatus;
import org.unionhub.station.persistence.StationRepository.CountRow;

/** The staff's station list (with counts by district and kind, and a map where tiles are configured) and pages. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class StationPageController {

    private final StationRegistry registry;
    private final StationFunding funding;
    private final StationCodes codes;
    private final OrgTree tree;
    private final MessageSource messages;
    private final Clock clock;
    private final String mapTiles;

    StationPageController(StationRegistry registry, StationFunding funding, StationCodes codes, OrgTree tree,
            MessageSource messages, Clock clock, @Value("${unionhub.stations.map-tiles:}") String mapTiles) {
        this.registry = registry;
        this.funding = funding;
        this.codes = codes;
        this.tree = tree;
        this.messages = messages;
        this.clock = clock;
        this.mapTiles = mapTiles;
    }

    @GetMapping("/stations")
    String list(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) StationStatus status,
            Model model) {
        model.addAttribute("stations", registry.search(me, q, kind, status));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("codes", codes);
        model.addAttribute("statuses", StationStatus.values());
        model.addAttribute("mapTiles", mapTiles);
        countTable(me, model);
        return "stations/list";
    }

    @GetMapping("/stations/new")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String newForm(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) Long ownerOrgId,
            Model model) {
        return form(model, null, new StationInput(null, "WARM_STATION", ownerOrgId == null ? me.scope().rootOrgId()
                : ownerOrgId, null, null, null, null, null, "GCJ02", List.of("DRINKING_WATER"), null, null, false,
                null, null, List.of(), "1-7 09:00-18:00", null));
    }

    @PostMapping("/stations")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String create(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute StationInput input,
            BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            return "redirect:/stations/" + registry.create(me, input).id() + "?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return form(model, null, input);
        }
    }

    @GetMapping("/stations/{id}")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Station station = registry.get(me, id);
        model.addAttribute("station", station);
        model.addAttribute("codes", codes);
        model.addAttribute("grant", funding.grantOf(id).orElse(null));
        model.addAttribute("history", registry.history(me, id));
        model.addAttribute("visits30", registry.visitsSince(me, id, LocalDate.now(clock).minusDays(30)));
        model.addAttribute("visitsAll", registry.visitsSince(me, id, LocalDate.EPOCH));
        model.addAttribute("scanUrl", scanUrl(station));
        return "stations/show";
    }

    @GetMapping(value = "/stations/{id}/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrSvg.of(scanUrl(registry.get(me, id))));
    }

    @GetMapping("/stations/{id}/edit")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String editForm(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Station s = registry.get(me, id);
        return form(model, s, new StationInput(s.name(), s.kindCode(), s.ownerOrgId(), s.hostTypeCode(), s.hostName(),
                s.address(), s.lat(), s.lng(), "GCJ02", s.amenities(), s.parkingFreeMinutes(), s.capacity(),
                s.closedOnHolidays(), s.contactName(), s.contactPhone(), s.photoUrls(), s.weeklyHours(),
                s.hoursExceptions()));
    }

    @PostMapping("/stations/{id}")
    @PreAuthorize("hasAuthority('STATION_WRITE')")
    String update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @ModelAttribute StationInput input, BindingResult binding, Model model, Locale locale) {
        Station existing = registry.get(me, id);
        try {
            Messages.requireWellTyped(binding);
            registry.update(me, id, input);
            return "redirect:/stations/" + id + "?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return form(model, existing, input);
        }
    }

    @PostMapping("/stations/{id}/status")
    @PreAuthorize("hasAuthority('STATION_WRITE') and (#status != T(org.unionhub.station.StationStatus).ACCEPTED"
            + " or hasAuthority('FUNDING_MANAGE'))")
    String changeStatus(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam StationStatus status, Model model, Locale locale) {
        try {
            registry.changeStatus(me, id, status);
            return "redirect:/stations/" + id + "?status";
        } catch (ValidationFailure failure) {
            model.addAttribute("statusErrors", Messages.byField(messages, failure, locale));
            return show(me, id, model);
        }
    }

    private void countTable(ScopedPrincipal me, Model model) {
        Map<String, Map<String, Long>> byDistrict = new TreeMap<>();
        Map<String, Long> byKind = new LinkedHashMap<>();
        long total = 0;
        for (CountRow row : registry.counts(me)) {
            String district = row.districtOrgId() == null ? "—"
                    : tree.find(row.districtOrgId()).map(OrgUnit::name).orElse("—");
            byDistrict.computeIfAbsent(district, d -> new LinkedHashMap<>()).merge(row.kindCode(), row.count(), Long::sum);
            byKind.merge(row.kindCode(), row.count(), Long::sum);
            total += row.count();
        }
        model.addAttribute("countsByDistrict", byDistrict);
        model.addAttribute("countsByKind", byKind);
        model.addAttribute("countTotal", total);
    }

    private String form(Model model, Station existing, StationInput input) {
        model.addAttribute("existing", existing);
        model.addAttribute("form", input);
        model.addAttribute("codes", codes);
        return "stations/form";
    }

    private static String scanUrl(Station station) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/{code}")
                .buildAndExpand(station.scanCode()).toUriString();
    }
}
