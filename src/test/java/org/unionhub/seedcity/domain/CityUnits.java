package org.unionhub.seedcity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 349 street-level units of the demo's division list, as the generator sees the demo tree. */
final class CityUnits {

    private CityUnits() {
    }

    static List<CityUnit> all() {
        List<CityUnit> units = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                CityUnits.class.getResourceAsStream("/demo/beijing-divisions.csv"), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",")).filter(row -> !row[2].equals("district"))
                    .forEach(row -> units.add(row[0].equals("110115403")
                            ? new CityUnit(row[0], "经开区", CityUnit.Kind.DISTRICT, District.ETDA)
                            : new CityUnit(row[0], row[1], kind(row[2]), row[3])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units;
    }

    private static CityUnit.Kind kind(String kind) {
        return switch (kind) {
            case "street" -> CityUnit.Kind.STREET;
            case "town" -> CityUnit.Kind.TOWN;
            case "township" -> CityUnit.Kind.TOWNSHIP;
            default -> CityUnit.Kind.PARK;
        };
    }
}
