package org.unionhub.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.domain.Membership.Reason;
import org.unionhub.membership.domain.Membership.Status;
import org.unionhub.membership.domain.Membership.TransferOrigin;

class MembershipTests {

    private static final long UNION = 10;
    private static final long OTHER_UNION = 20;

    private static Membership at(Status status) {
        return new Membership(status, UNION);
    }

    /** Every pair of statuses a staff change could ask for, with the answer: ALLOWED or the refusal's code. */
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "ACTIVE, ACTIVE, STATUS_UNCHANGED",
        "ACTIVE, RETAINED, ALLOWED",
        "ACTIVE, LAPSED, ALLOWED",
        "ACTIVE, ENDED, ALLOWED",
        "RETAINED, ACTIVE, ALLOWED",
        "RETAINED, RETAINED, STATUS_UNCHANGED",
        "RETAINED, LAPSED, TRANSITION_NOT_ALLOWED",
        "RETAINED, ENDED, ALLOWED",
        "LAPSED, ACTIVE, ALLOWED",
        "LAPSED, RETAINED, TRANSITION_NOT_ALLOWED",
        "LAPSED, LAPSED, STATUS_UNCHANGED",
        "LAPSED, ENDED, ALLOWED",
        "TRANSFERRED_OUT, ACTIVE, MEMBERSHIP_FINAL",
        "TRANSFERRED_OUT, RETAINED, MEMBERSHIP_FINAL",
        "TRANSFERRED_OUT, LAPSED, MEMBERSHIP_FINAL",
        "TRANSFERRED_OUT, ENDED, MEMBERSHIP_FINAL",
        "ENDED, ACTIVE, MEMBERSHIP_FINAL",
        "ENDED, RETAINED, MEMBERSHIP_FINAL",
        "ENDED, LAPSED, MEMBERSHIP_FINAL",
        "ENDED, ENDED, MEMBERSHIP_FINAL"
    })
    void staffChangesFollowTheRules(Status from, Status to, String answer) {
        Reason reason = Reason.leadingTo(to).get(0);
        if (answer.equals("ALLOWED")) {
            assertThat(at(from).changeTo(to, reason)).isEqualTo(new Membership.StatusChange(from, to, reason));
            assertThat(at(from).allowedChanges()).contains(to);
        } else {
            assertThatThrownBy(() -> at(from).changeTo(to, reason))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(answer));
            assertThat(at(from).allowedChanges()).doesNotContain(to);
        }
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void transferredOutIsReachedOnlyByATransfer(Status from) {
        assertThatThrownBy(() -> at(from).changeTo(Status.TRANSFERRED_OUT, null))
                .isInstanceOfSatisfying(ValidationFailure.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("status");
                            assertThat(v.code()).isEqualTo("TRANSFER_ONLY");
                        }));
        assertThat(at(from).allowedChanges()).doesNotContain(Status.TRANSFERRED_OUT);
    }

    @Test
    void finalStatusesAllowNothing() {
        assertThat(at(Status.ENDED).allowedChanges()).isEmpty();
        assertThat(at(Status.TRANSFERRED_OUT).allowedChanges()).isEmpty();
        assertThat(at(Status.ENDED).mayTransfer()).isFalse();
        assertThat(at(Status.TRANSFERRED_OUT).mayTransfer()).isFalse();
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isFinal))
                .containsExactlyInAnyOrder(Status.ENDED, Status.TRANSFERRED_OUT);
    }

    @Test
    void retainingNeedsToSayWhetherRetiredOrUnemployed() {
        assertThatThrownBy(() -> at(Status.ACTIVE).changeTo(Status.RETAINED, null))
                .isInstanceOfSatisfying(ValidationFailure.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("REQUIRED"));
        assertThat(at(Status.ACTIVE).changeTo(Status.RETAINED, Reason.UNEMPLOYED).reason())
                .isEqualTo(Reason.UNEMPLOYED);
    }

    @Test
    void theOnlyReasonForAStatusIsTakenWhenNoneIsGiven() {
        assertThat(at(Status.ACTIVE).changeTo(Status.LAPSED, null).reason()).isEqualTo(Reason.DUES_UNPAID);
        assertThat(at(Status.LAPSED).changeTo(Status.ACTIVE, null).reason()).isEqualTo(Reason.REINSTATED);
    }

    @Test
    void refusesAReasonThatLeadsElsewhere() {
        assertThatThrownBy(() -> at(Status.ACTIVE).changeTo(Status.ENDED, Reason.RETIRED))
                .isInstanceOfSatisfying(ValidationFailure.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("reason");
                    assertThat(e.violations().get(0).code()).isEqualTo("REASON_NOT_FOR_STATUS");
                });
    }

    @Test
    void refusesAChangeWithoutTarget() {
        assertThatThrownBy(() -> at(Status.ACTIVE).changeTo(null, null))
                .isInstanceOfSatisfying(ValidationFailure.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("status"));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ACTIVE", "RETAINED", "LAPSED"})
    void aTransferAskedForMakesTheNewMembershipActive(Status from) {
        for (TransferOrigin origin : EnumSet.of(TransferOrigin.STAFF, TransferOrigin.WORKER)) {
            Membership.Transfer transfer = at(from).transferTo(OTHER_UNION, origin);
            assertThat(transfer.transferredOut()).isEqualTo(new Membership(Status.TRANSFERRED_OUT, UNION));
            assertThat(transfer.continued()).isEqualTo(new Membership(Status.ACTIVE, OTHER_UNION));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ACTIVE", "RETAINED", "LAPSED"})
    void aUnionsClosureKeepsTheMembersStanding(Status from) {
        Membership.Transfer transfer = at(from).transferTo(OTHER_UNION, TransferOrigin.UNION_CLOSED);
        assertThat(transfer.transferredOut().status()).isEqualTo(Status.TRANSFERRED_OUT);
        assertThat(transfer.continued()).isEqualTo(new Membership(from, OTHER_UNION));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ENDED", "TRANSFERRED_OUT"})
    void aFinalMembershipCannotMove(Status from) {
        assertThatThrownBy(() -> at(from).transferTo(OTHER_UNION, TransferOrigin.STAFF))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("MEMBERSHIP_FINAL"));
    }

    @Test
    void aMembershipCannotMoveToItsOwnUnion() {
        assertThatThrownBy(() -> at(Status.ACTIVE).transferTo(UNION, TransferOrigin.WORKER))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("SAME_UNION"));
    }

    @Test
    void everyStatusStaffMayChangeToHasAReasonAndTransferredOutHasNone() {
        for (Status status : Status.values()) {
            assertThat(Reason.leadingTo(status).isEmpty()).isEqualTo(status == Status.TRANSFERRED_OUT);
        }
    }
}
