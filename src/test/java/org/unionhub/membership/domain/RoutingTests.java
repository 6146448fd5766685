package org.unionhub.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionhub.membership.domain.Routing.Decision;
import org.unionhub.membership.domain.Routing.Facts;
import org.unionhub.membership.domain.Routing.Street;

class RoutingTests {

    private static final Street WITH_JOINT_UNION = new Street(10, 11L);
    private static final Street WITHOUT_JOINT_UNION = new Street(20, null);
    private static final Street HOME = new Street(30, 31L);

    @Test
    void goesToTheEmployersUnionWhenItHasOne() {
        assertThat(Routing.route(new Facts(99L, false, WITH_JOINT_UNION, null))).contains(new Decision(99, false));
    }

    @Test
    void goesToTheWorkStreetsJointUnionWhenTheEmployerHasNoUnion() {
        assertThat(Routing.route(new Facts(null, false, WITH_JOINT_UNION, HOME))).contains(new Decision(11, false));
    }

    @Test
    void goesToTheStreetUnionItselfWhenTheStreetHasNoJointUnion() {
        assertThat(Routing.route(new Facts(null, false, WITHOUT_JOINT_UNION, null))).contains(new Decision(20, false));
    }

    @Test
    void makesAGigWorkerAMobileMemberOfTheWorkStreetsJointUnion() {
        assertThat(Routing.route(new Facts(null, true, WITH_JOINT_UNION, HOME))).contains(new Decision(11, true));
    }

    @Test
    void fallsBackToTheHomeStreetForAGigWorkerWithoutAWorkStreet() {
        assertThat(Routing.route(new Facts(null, true, null, HOME))).contains(new Decision(31, true));
    }

    @Test
    void aGigWorkerIsNeverRoutedToAnEmployerUnion() {
        assertThat(Routing.route(new Facts(99L, true, WITH_JOINT_UNION, null))).contains(new Decision(11, true));
    }

    @Test
    void anEmployedWorkerIsNotRoutedByTheHomeStreet() {
        assertThat(Routing.route(new Facts(null, false, null, HOME))).isEmpty();
    }
}
