package org.unionhub.seedcity.domain;

import java.util.List;
import java.util.Optional;

/**
 * A district-level area of the city as the generator weighs it: its key (the GB/T 2260 code, or {@value #ETDA} for the
 * Economic-Technological Development Area, whose union ranks as a district's), a short name for places and
 * addresses, a weight for how many workers and employers it has (朝阳 and 海淀 lead, the mountain districts trail),
 * a point near its centre, and whether it was one of the 11 pilot districts of April 2018.
 */
public record District(String key, String shortName, double weight, double lat, double lng, boolean pilot) {

    public static final String ETDA = "ETDA";

    public static final List<District> ALL = List.of(
            new District("110101", "东城区", 6, 39.928, 116.416, true),
            new District("110102", "西城区", 8, 39.912, 116.366, true),
            new District("110105", "朝阳区", 20, 39.948, 116.486, true),
            new District("110106", "丰台区", 8, 39.858, 116.287, true),
            new District("110107", "石景山区", 3, 39.906, 116.223, true),
            new District("110108", "海淀区", 18, 39.960, 116.298, true),
            new District("110109", "门头沟区", 1.2, 39.940, 116.102, false),
            new District("110111", "房山区", 3.5, 39.749, 116.143, true),
            new District("110112", "通州区", 5, 39.910, 116.657, true),
            new District("110113", "顺义区", 5, 40.130, 116.654, true),
            new District("110114", "昌平区", 6, 40.220, 116.231, true),
            new District("110115", "大兴区", 5, 39.727, 116.341, true),
            new District("110116", "怀柔区", 1.3, 40.316, 116.632, false),
            new District("110117", "平谷区", 1.2, 40.141, 117.121, false),
            new District("110118", "密云区", 1.4, 40.377, 116.843, false),
            new District("110119", "延庆区", 1.0, 40.456, 115.975, false),
            new District(ETDA, "经开区", 4, 39.795, 116.506, false));

    public static Optional<District> byKey(String key) {
        return ALL.stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
