package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionStatusTests {

    @Test
    void aPlannedSessionOpensClosesOrIsCancelled() {
        assertThat(SessionStatus.PLANNED.next())
                .containsExactlyInAnyOrder(SessionStatus.OPEN, SessionStatus.CLOSED, SessionStatus.CANCELLED);
    }

    @Test
    void anOpenSessionCanOnlyClose() {
        assertThat(SessionStatus.OPEN.next()).containsExactly(SessionStatus.CLOSED);
        assertThat(SessionStatus.OPEN.canMoveTo(SessionStatus.CANCELLED)).isFalse();
    }

    @Test
    void closedAndCancelledAreFinalAndNoLongerLive() {
        assertThat(SessionStatus.CLOSED.next()).isEmpty();
        assertThat(SessionStatus.CANCELLED.next()).isEmpty();
        assertThat(SessionStatus.CLOSED.isLive()).isFalse();
        assertThat(SessionStatus.CANCELLED.isLive()).isFalse();
        assertThat(SessionStatus.PLANNED.isLive()).isTrue();
        assertThat(SessionStatus.OPEN.isLive()).isTrue();
    }
}
