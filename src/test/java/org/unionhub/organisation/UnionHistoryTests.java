package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

/**
 * "Did enterprise E have a union on date D?" — answered from dated periods: a union linked at registration or founded
 * counts from its date, a corrected link replaces the old one, and a union that closes ends the period on its closing
 * day while the earlier days keep their answer.
 */
@UnionHubTest
class UnionHistoryTests {

    private static final LocalDate D = LocalDate.of(2021, 3, 15);

    @Autowired
    TestTree data;

    @Autowired
    EnterpriseRegistry registry;

    @Autowired
    UnionFoundings foundings;

    @Autowired
    OrgTree tree;

    @Autowired
    Clock clock;

    @Test
    void anEnterpriseRegisteredWithItsUnionHadItFromTheFoundingDateOn() {
        long joint = data.org(TestTree.ZHONGGUANCUN_JOINT);
        Enterprise enterprise = registry.create(city(), input(TestTree.companyCreditCode("110108"), joint, D));

        assertThat(foundings.hadUnionOn(enterprise.id(), D.minusDays(1))).isFalse();
        assertThat(foundings.hadUnionOn(enterprise.id(), D)).isTrue();
        assertThat(foundings.hadUnionOn(enterprise.id(), D.plusYears(1))).isTrue();
        assertThat(foundings.unionHistory(city(), enterprise.id()))
                .containsExactly(new UnionPeriod(joint, TestTree.ZHONGGUANCUN_JOINT, D, null, "REGISTERED"));
    }

    @Test
    void aCorrectedOrClearedLinkReplacesTheMistakenOne() {
        long joint = data.org(TestTree.ZHONGGUANCUN_JOINT);
        String code = TestTree.companyCreditCode("110108");
        Enterprise enterprise = registry.create(city(), input(code, joint, D));

        registry.update(city(), enterprise.id(), input(code, joint, D.plusMonths(2)));
        assertThat(foundings.hadUnionOn(enterprise.id(), D.plusMonths(1))).isFalse();
        assertThat(foundings.hadUnionOn(enterprise.id(), D.plusMonths(2))).isTrue();

        registry.update(city(), enterprise.id(), input(code, null, null));
        assertThat(foundings.hadUnionOn(enterprise.id(), D.plusMonths(3))).isFalse();
        assertThat(foundings.unionHistory(city(), enterprise.id())).isEmpty();
    }

    @Test
    void aClosedUnionEndsThePeriodAndANewUnionMayBeFoundedFromTheClosingDay() {
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        OrgUnit union = data.newUnion(street);
        String code = TestTree.companyCreditCode("110108");
        Enterprise enterprise = registry.create(city(), input(code, union.id(), D));
        LocalDate closedOn = D.plusYears(1);

        tree.close(city(), union.id(), closedOn);

        assertThat(foundings.hadUnionOn(enterprise.id(), closedOn.minusDays(1))).isTrue();
        assertThat(foundings.hadUnionOn(enterprise.id(), closedOn)).isFalse();
        assertThat(foundings.hadUnionOn(enterprise.id(), LocalDate.now(clock))).isFalse();
        assertThat(foundings.unionHistory(city(), enterprise.id()).get(0).until()).isEqualTo(closedOn);

        var staff = data.principal("zhongguancun");
        assertThatThrownBy(() -> foundings.found(staff, enterprise.id(), founding(closedOn.minusDays(1)), null))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("foundedOn", "BEFORE_EARLIER_UNION_ENDED")));

        var founded = foundings.found(staff, enterprise.id(), founding(closedOn), 42L);

        assertThat(founded.created()).isTrue();
        assertThat(founded.founding().sessionId()).isEqualTo(42L);
        assertThat(foundings.unionOn(enterprise.id(), closedOn.minusDays(1))).contains(union.id());
        assertThat(foundings.unionOn(enterprise.id(), closedOn)).contains(founded.founding().unionId());
        assertThat(foundings.unionHistory(city(), enterprise.id())).extracting(UnionPeriod::source, UnionPeriod::until)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FOUNDED", null),
                        org.assertj.core.groups.Tuple.tuple("REGISTERED", closedOn));
    }

    private OrgScope city() {
        return new OrgScope(data.org(TestTree.CITY));
    }

    private static FoundingInput founding(LocalDate on) {
        return new FoundingInput(TestTree.unique("重建工会"), "赵主席", on, TestTree.unionCreditCode("110108"));
    }

    private EnterpriseInput input(String code, Long unionId, LocalDate foundedOn) {
        return new EnterpriseInput("建会记录测试企业", code, null, data.org(TestTree.ZHONGGUANCUN_STREET), null, null,
                null, 20, null, null, null, unionId, foundedOn);
    }
}
