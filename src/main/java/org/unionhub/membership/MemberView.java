package org.unionhub.membership;

import java.time.LocalDate;

/** A member as staff see it: personal fields masked. */
public record MemberView(String memberNo, String name, String idNumberMasked, String phoneMasked, long unionId,
        String unionName, String status, boolean mobileMember, LocalDate joinedOn, String source, Card card) {

    /** The mutual-aid card: its status and, once issued, its number masked to the last four digits. */
    public record Card(CardStatus status, String number) {
    }
}
