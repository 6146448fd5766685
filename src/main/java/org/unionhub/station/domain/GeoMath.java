package org.unionhub.station.domain;

/**
 * Great-circle distance and the WGS-84 ⇄ GCJ-02 conversion. Stations are stored in GCJ-02 (what Chinese maps show);
 * a phone's GPS gives WGS-84, converted with the published GCJ-02 formula (accurate to about a metre inside China;
 * outside China GCJ-02 equals WGS-84).
 */
public final class GeoMath {

    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private static final double KRASOVSKY_A = 6_378_245.0;
    private static final double KRASOVSKY_EE = 0.006_693_421_622_965_943;

    private GeoMath() {
    }

    /** Haversine great-circle distance in metres. */
    public static double distanceMetres(double lat1, double lng1, double lat2, double lng2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** A point as {lat, lng}. */
    public record LatLng(double lat, double lng) {
    }

    public static LatLng wgs84ToGcj02(double lat, double lng) {
        if (outsideChina(lat, lng)) {
            return new LatLng(lat, lng);
        }
        double dLat = transformLat(lng - 105.0, lat - 35.0);
        double dLng = transformLng(lng - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLng(lat + dLat, lng + dLng);
    }

    /** The inverse, by fixed-point iteration (converges to well under a centimetre in a few steps). */
    public static LatLng gcj02ToWgs84(double lat, double lng) {
        double wLat = lat;
        double wLng = lng;
        for (int i = 0; i < 10; i++) {
            LatLng forward = wgs84ToGcj02(wLat, wLng);
            wLat -= forward.lat() - lat;
            wLng -= forward.lng() - lng;
        }
        return new LatLng(wLat, wLng);
    }

    static boolean outsideChina(double lat, double lng) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLng(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
