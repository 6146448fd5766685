package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoMathTests {

    /**
     * Reference distances from the haversine formula on a 6,371,008.8 m sphere, computed independently (Python:
     * 2*R*asin(sqrt(sin²(Δφ/2)+cos φ1 cos φ2 sin²(Δλ/2)))).
     */
    @ParameterizedTest(name = "({0},{1}) → ({2},{3}) ≈ {4} m")
    @CsvSource({
        "39.9042, 116.4074, 31.2304, 121.4737, 1067311.6",
        "39.98, 116.31, 39.98, 116.32, 852.1",
        "39.98, 116.31, 39.99, 116.31, 1112.0",
        "0, 0, 0, 180, 20015114.4",
        "40.3770, 116.8430, 39.8990, 116.4170, 64315.2"
    })
    void matchesTheHaversineReference(double lat1, double lng1, double lat2, double lng2, double metres) {
        assertThat(GeoMath.distanceMetres(lat1, lng1, lat2, lng2)).isCloseTo(metres, within(0.1));
    }

    @Test
    void distanceIsSymmetricAndZeroAtTheSamePoint() {
        assertThat(GeoMath.distanceMetres(39.98, 116.31, 39.98, 116.31)).isZero();
        assertThat(GeoMath.distanceMetres(39.98, 116.31, 40.1, 116.5))
                .isEqualTo(GeoMath.distanceMetres(40.1, 116.5, 39.98, 116.31));
    }

    @Test
    void gcj02ShiftsBeijingByAFewHundredMetres() {
        GeoMath.LatLng gcj = GeoMath.wgs84ToGcj02(39.9042, 116.4074);
        double shift = GeoMath.distanceMetres(39.9042, 116.4074, gcj.lat(), gcj.lng());
        assertThat(shift).isBetween(100.0, 700.0);
        assertThat(gcj.lat()).isCloseTo(39.90560, within(0.0005));
        assertThat(gcj.lng()).isCloseTo(116.41364, within(0.0005));
    }

    @Test
    void convertingThereAndBackReturnsToTheSamePoint() {
        GeoMath.LatLng gcj = GeoMath.wgs84ToGcj02(39.98, 116.31);
        GeoMath.LatLng back = GeoMath.gcj02ToWgs84(gcj.lat(), gcj.lng());
        assertThat(GeoMath.distanceMetres(39.98, 116.31, back.lat(), back.lng())).isLessThan(0.01);
    }

    @Test
    void outsideChinaNothingIsShifted() {
        assertThat(GeoMath.wgs84ToGcj02(51.5, -0.12)).isEqualTo(new GeoMath.LatLng(51.5, -0.12));
    }
}
