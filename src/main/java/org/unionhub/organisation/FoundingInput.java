package org.unionhub.organisation;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff enter to found an enterprise's grassroots union: its name, its chair, the founding date and the union's
 * own credit code ({@code 81…}).
 */
public record FoundingInput(String unionName, String chair,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn, String creditCode) {
}
