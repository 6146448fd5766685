package org.unionhub.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TreePathsTests {

    @Test
    void aNodeCountsForItselfAndEveryAncestorRootFirst() {
        assertThat(TreePaths.selfAndAncestors("/1/17/230/4501/")).containsExactly("/1/", "/1/17/", "/1/17/230/",
                "/1/17/230/4501/");
        assertThat(TreePaths.selfAndAncestors("/1/")).containsExactly("/1/");
    }

    @Test
    void theParentIsThePathWithoutItsLastId() {
        assertThat(TreePaths.parentOf("/1/17/230/")).isEqualTo("/1/17/");
        assertThatThrownBy(() -> TreePaths.parentOf("/1/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoveBetweenDistrictsLeavesTheOldDistrictAndJoinsTheNewOneButNotTheCity() {
        assertThat(TreePaths.ancestorsLeft("/1/17/230/", "/1/18/230/")).containsExactly("/1/17/");
        assertThat(TreePaths.ancestorsJoined("/1/17/230/", "/1/18/230/")).containsExactly("/1/18/");
    }

    @Test
    void aMoveDeeperOrHigherTouchesOnlyTheLevelsThatDiffer() {
        assertThat(TreePaths.ancestorsLeft("/1/17/230/", "/1/17/231/230/")).isEmpty();
        assertThat(TreePaths.ancestorsJoined("/1/17/230/", "/1/17/231/230/")).containsExactly("/1/17/231/");
        assertThat(TreePaths.ancestorsLeft("/1/17/231/230/", "/1/18/230/")).containsExactly("/1/17/", "/1/17/231/");
        assertThat(TreePaths.ancestorsJoined("/1/17/231/230/", "/1/18/230/")).containsExactly("/1/18/");
    }

    @Test
    void refusesWhatIsNotATreePath() {
        for (String bad : new String[] {null, "", "/", "1/17/", "/1/17", "/1//17/", "/1/a/"}) {
            assertThatThrownBy(() -> TreePaths.selfAndAncestors(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
