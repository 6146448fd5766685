package org.unionhub.station.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.station.StationCodes;
import org.unionhub.station.StationFinder;
import org.unionhub.station.StationVisits;
import org.unionhub.station.domain.GeoMath;
import org.unionhub.station.domain.HoursText;
import org.unionhub.station.persistence.StationRepository.StationRow;

/**
 * The worker's finder, on a cheap phone without signing in: a small server-rendered page (a few lines of script only
 * to ask the phone for its position), the station card with a link into the phone's map app, and the page a station's
 * QR code opens, which counts the visit.
 */
@Controller
class FinderPageController {

    private static final String VISITOR_COOKIE = "uh_visitor";
    private static final int RESULTS = 10;

    private final StationFinder finder;
    private final StationVisits visits;
    private final StationCodes codes;

    FinderPageController(StationFinder finder, StationVisits visits, StationCodes codes) {
        this.finder = finder;
        this.visits = visits;
        this.codes = codes;
    }

    @GetMapping("/find")
    String find(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
            @RequestParam(defaultValue = "WGS84") String crs, @RequestParam(required = false) Long street,
            @RequestParam(name = "amenity", required = false) List<String> amenities,
            @RequestParam(defaultValue = "false") boolean openNow, Model model) {
        List<String> wanted = amenities == null ? List.of()
                : amenities.stream().filter(codes::isAmenity).distinct().toList();
        model.addAttribute("codes", codes);
        model.addAttribute("streets", finder.streets());
        model.addAttribute("wanted", wanted);
        model.addAttribute("openNow", openNow);
        model.addAttribute("street", street);
        GeoMath.LatLng from = null;
        if (street != null) {
            from = finder.streets().stream().filter(s -> s.id() == street).findFirst()
                    .map(s -> new GeoMath.LatLng(s.lat(), s.lng())).orElse(null);
        } else if (lat != null && lng != null) {
            from = "GCJ02".equalsIgnoreCase(crs) ? new GeoMath.LatLng(lat, lng) : StationFinder.fromGps(lat, lng);
        }
        model.addAttribute("searched", from != null);
        if (from != null) {
            model.addAttribute("results", finder.nearest(from.lat(), from.lng(), wanted, openNow, RESULTS));
        }
        return "finder/find";
    }

    @GetMapping("/find/stations/{id}")
    String card(@PathVariable long id, @RequestParam(required = false) Long distance, Model model) {
        return card(finder.publicStation(id), distance, false, model);
    }

    @GetMapping("/s/{scanCode}")
    String scanned(@PathVariable String scanCode,
            @CookieValue(name = VISITOR_COOKIE, required = false) String visitor, HttpServletResponse response,
            Model model) {
        String key = visitor;
        if (key == null || key.length() != 36) {
            key = UUID.randomUUID().toString();
            Cookie cookie = new Cookie(VISITOR_COOKIE, key);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setPath("/");
            response.addCookie(cookie);
        }
        StationRow station = visits.record(scanCode, Texts.sha256Hex(key))
                .orElseThrow(() -> new NotFoundException("Station " + scanCode));
        return card(station, null, true, model);
    }

    private String card(StationRow station, Long distance, boolean scanned, Model model) {
        GeoMath.LatLng wgs = GeoMath.gcj02ToWgs84(station.lat().doubleValue(), station.lng().doubleValue());
        model.addAttribute("station", station);
        model.addAttribute("codes", codes);
        model.addAttribute("distance", distance);
        model.addAttribute("scanned", scanned);
        model.addAttribute("openNow", finder.isOpenNow(station.hours()));
        model.addAttribute("today", HoursText.formatIntervals(finder.hoursToday(station.hours())));
        model.addAttribute("week", HoursText.formatWeek(station.hours().week()));
        model.addAttribute("wgsLat", String.format(Locale.ROOT, "%.6f", wgs.lat()));
        model.addAttribute("wgsLng", String.format(Locale.ROOT, "%.6f", wgs.lng()));
        return "finder/card";
    }
}
