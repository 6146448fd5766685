package org.unionhub.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unionhub.common.ConflictException;
import org.unionhub.membership.domain.TransferRequest.Status;

class TransferRequestTests {

    @Test
    void aPendingRequestIsAcceptedRefusedOrCancelled() {
        TransferRequest pending = new TransferRequest(Status.PENDING);
        assertThat(pending.accept()).isEqualTo(Status.ACCEPTED);
        assertThat(pending.refuse()).isEqualTo(Status.REFUSED);
        assertThat(pending.cancel()).isEqualTo(Status.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ACCEPTED", "REFUSED", "CANCELLED"})
    void aDecidedRequestIsNeverDecidedAgain(Status decided) {
        TransferRequest request = new TransferRequest(decided);
        for (Function<TransferRequest, Status> decision : java.util.List.<Function<TransferRequest, Status>>of(
                TransferRequest::accept, TransferRequest::refuse, TransferRequest::cancel)) {
            assertThatThrownBy(() -> decision.apply(request))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("ALREADY_DECIDED"));
        }
    }
}
