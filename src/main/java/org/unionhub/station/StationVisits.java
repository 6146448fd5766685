package org.unionhub.station;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.station.persistence.StationRepository;
import org.unionhub.station.persistence.StationRepository.StationRow;

/**
 * Visits counted when a worker scans a station's QR code on arrival: one per device, station and day, so that a
 * double scan or a reload is not a second visit.
 */
@Service
public class StationVisits {

    private final StationRepository stations;
    private final Clock clock;

    StationVisits(StationRepository stations, Clock clock) {
        this.stations = stations;
        this.clock = clock;
    }

    /** Counts the visit and returns the station, if the code belongs to one in service. */
    @Transactional
    public Optional<StationRow> record(String scanCode, String visitorKey) {
        Optional<StationRow> station = stations.findByScanCode(scanCode).filter(s -> s.status().inService());
        station.ifPresent(s -> stations.recordVisit(s.id(), visitorKey, LocalDate.now(clock), clock.instant()));
        return station;
    }
}
