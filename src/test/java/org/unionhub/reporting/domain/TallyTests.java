package org.unionhub.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTests {

    @Test
    void aSessionCountsAsAWorkerOrAnEnterpriseSession() {
        assertThat(Tally.session(true).workerSessions()).isEqualTo(1);
        assertThat(Tally.session(true).enterpriseSessions()).isZero();
        assertThat(Tally.session(false).enterpriseSessions()).isEqualTo(1);
        assertThat(Tally.session(false).workerSessions()).isZero();
    }

    @Test
    void tallySumAndTakeBack() {
        Tally day = Tally.session(true).plus(Tally.workersReached(20)).plus(Tally.consultations(7))
                .plus(Tally.applications(2)).plus(Tally.membersJoined(1));
        assertThat(day).isEqualTo(new Tally(1, 20, 7, 2, 1, 0, 0, 0));
        assertThat(day.plus(day.negated()).isNone()).isTrue();
        assertThat(Tally.memberRecords(3).plus(Tally.unionsFounded(1))).isEqualTo(new Tally(0, 0, 0, 0, 0, 3, 0, 1));
    }
}
