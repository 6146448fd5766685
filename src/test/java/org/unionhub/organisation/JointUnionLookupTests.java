package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/** {@link OrgTree#jointUnionOf}: what routing asks of a street on every application. */
@UnionHubTest
class JointUnionLookupTests {

    @Autowired
    TestTree data;

    @Autowired
    OrgTree tree;

    @Test
    void findsTheFirstActiveJointUnionByNameAmongTheStreetsOtherChildren() {
        OrgUnit street = data.newNode(data.org(TestTree.HAIDIAN), OrgKind.STREET, "测试街道");
        data.newUnion(street.id());
        OrgUnit closed = data.newNode(street.id(), OrgKind.JOINT, "联合工会A");
        tree.close(new OrgScope(data.org(TestTree.CITY)), closed.id(), LocalDate.now());
        OrgUnit second = data.newNode(street.id(), OrgKind.JOINT, "联合工会C");
        OrgUnit first = data.newNode(street.id(), OrgKind.JOINT, "联合工会B");

        assertThat(first.name()).isLessThan(second.name()).isGreaterThan(closed.name());
        assertThat(tree.jointUnionOf(street.id())).map(OrgUnit::id).contains(first.id());
    }

    @Test
    void aStreetWithoutAnActiveJointUnionHasNone() {
        OrgUnit street = data.newNode(data.org(TestTree.HAIDIAN), OrgKind.STREET, "测试街道");
        data.newUnion(street.id());
        OrgUnit closed = data.newNode(street.id(), OrgKind.JOINT, "联合工会");
        tree.close(new OrgScope(data.org(TestTree.CITY)), closed.id(), LocalDate.now());

        assertThat(tree.jointUnionOf(street.id())).isEmpty();
        assertThat(tree.jointUnionOf(data.org(TestTree.ZHONGGUANCUN_STREET))).map(OrgUnit::name)
                .contains(TestTree.ZHONGGUANCUN_JOINT);
    }
}
