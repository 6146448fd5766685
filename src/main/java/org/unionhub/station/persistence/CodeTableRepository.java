package org.unionhub.station.persistence;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.station.StationCode;

/** The station module's code tables: kinds, amenities and host types. */
@Repository
public class CodeTableRepository {

    private final JdbcClient jdbc;

    public CodeTableRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StationCode> kinds() {
        return jdbc.sql("SELECT code, name_zh, name_en, -1 AS bit FROM station_kind ORDER BY sort")
                .query(StationCode.class).list();
    }

    public List<StationCode> amenities() {
        return jdbc.sql("SELECT code, name_zh, name_en, bit FROM amenity ORDER BY sort").query(StationCode.class).list();
    }

    public List<StationCode> hostTypes() {
        return jdbc.sql("SELECT code, name_zh, name_en, -1 AS bit FROM station_host_type ORDER BY sort")
                .query(StationCode.class).list();
    }
}
