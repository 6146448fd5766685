package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unionhub.UnionHubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants and budgets through the API: building requests the kind's standard from the district's budget, acceptance
 * releases it, closing before acceptance cancels it, and no district spends more than its budget. Each test works in
 * a district of its own whose budget it sets itself; the city's standards are the seeds' (warm station 2,000).
 */
@UnionHubTest
class StationFundingTests extends StationApiSupport {

    @Autowired
    StationRegistry registry;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void buildingAStationRequestsItsKindsStandardFromItsDistrict() throws Exception {
        long district = orgId("110102");
        setBudget("admin", district, "300000");
        long id = create("admin", warmStation(district)).get("id").asLong();
        String before = committed(district);

        changeStatus("admin", id, "BUILT");

        JsonNode grant = grant(id);
        assertThat(money(grant.get("amount"))).isEqualTo("2000.00");
        assertThat(grant.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(grant.get("districtOrgId").asLong()).isEqualTo(district);
        assertThat(grant.get("year").asInt()).isEqualTo(thisYear());
        assertThat(grant.get("requestedBy").asText()).isEqualTo("admin");
        assertThat(grant.get("releasedAt").isNull()).isTrue();
        assertThat(committed(district)).isEqualTo(plus(before, "2000.00"));
        JsonNode budget = budget("admin", district);
        assertThat(money(budget.get("committed"))).isEqualTo(committed(district));
        assertThat(money(budget.get("budget"))).isEqualTo("300000.00");
        assertThat(money(budget.get("remaining"))).isEqualTo(minus("300000.00", committed(district)));
    }

    @Test
    void acceptanceReleasesTheGrantWhichStillCountsAgainstTheBudget() throws Exception {
        long district = orgId("110106");
        setBudget("admin", district, "300000");
        long id = create("admin", warmStation(district)).get("id").asLong();
        changeStatus("admin", id, "BUILT");
        String afterBuilding = committed(district);

        changeStatus("admin", id, "ACCEPTED");

        JsonNode grant = grant(id);
        assertThat(grant.get("status").asText()).isEqualTo("RELEASED");
        assertThat(money(grant.get("amount"))).isEqualTo("2000.00");
        assertThat(grant.get("releasedBy").asText()).isEqualTo("admin");
        assertThat(grant.get("releasedAt").isNull()).isFalse();
        assertThat(committed(district)).isEqualTo(afterBuilding);

        changeStatus("admin", id, "CLOSED");
        assertThat(grant(id).get("status").asText()).as("a released grant stays released").isEqualTo("RELEASED");
        assertThat(committed(district)).isEqualTo(afterBuilding);
    }

    @Test
    void closingABuiltStationCancelsItsGrantAndFreesTheBudget() throws Exception {
        long district = orgId("110107");
        setBudget("admin", district, "300000");
        long id = create("admin", warmStation(district)).get("id").asLong();
        String before = committed(district);
        changeStatus("admin", id, "BUILT");
        assertThat(committed(district)).isEqualTo(plus(before, "2000.00"));

        changeStatus("admin", id, "CLOSED");

        assertThat(grant(id).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(committed(district)).isEqualTo(before);
        assertThat(money(budget("admin", district).get("remaining"))).isEqualTo(minus("300000.00", before));
    }

    @Test
    void aKindWithoutAStandardOrWhoseDistrictSetsItToZeroIsBuiltWithoutAGrant() throws Exception {
        long district = orgId("110109");
        setBudget("admin", district, "300000");
        String before = committed(district);
        Map<String, Object> outdoor = warmStation(district);
        outdoor.put("kindCode", "OUTDOOR_STATION");
        long unfunded = create("admin", outdoor).get("id").asLong();
        setStandard(district, "WORKERS_HOME_ENTERPRISE", "0");
        Map<String, Object> home = warmStation(district);
        home.put("kindCode", "WORKERS_HOME_ENTERPRISE");
        long zero = create("admin", home).get("id").asLong();

        changeStatus("admin", unfunded, "BUILT");
        changeStatus("admin", zero, "BUILT");

        mvc.perform(get("/api/v1/stations/" + unfunded + "/grant").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stations/" + zero + "/grant").with(as("admin"))).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM station_grant WHERE station_id IN (?, ?)", unfunded, zero)).isZero();
        assertThat(committed(district)).isEqualTo(before);
    }

    @Test
    void aBudgetTooSmallRefusesBuildingAndChangesNothing() throws Exception {
        long district = orgId("110111");
        String committed = committed(district);
        setBudget("admin", district, plus(committed, "1999.99"));
        long id = create("admin", warmStation(district)).get("id").asLong();

        MvcResult refused = mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "BUILT"))
                .with(as("admin"))).andExpect(status().isBadRequest()).andReturn();

        assertThat(errors(refused)).containsExactly("status:BUDGET_EXCEEDED");
        assertThat(getJson("/api/v1/stations/" + id, as("admin")).get("status").asText()).isEqualTo("PLANNED");
        assertThat(count("SELECT count(*) FROM station_grant WHERE station_id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM station_status_change WHERE station_id = ?", id)).isZero();
        assertThat(committed(district)).isEqualTo(committed);

        setBudget("admin", district, plus(committed, "2000.00"));
        changeStatus("admin", id, "BUILT");
        assertThat(money(grant(id).get("amount"))).as("exactly the remaining budget is enough").isEqualTo("2000.00");
        assertThat(money(budget("admin", district).get("remaining"))).isEqualTo("0.00");
    }

    @Test
    void aDistrictsOwnStandardOverridesTheCitys() throws Exception {
        long tongzhou = orgId("110112");
        long shunyi = orgId("110113");
        setBudget("admin", tongzhou, "300000");
        setBudget("admin", shunyi, "300000");
        setStandard(tongzhou, "WARM_STATION", "3500");
        long inTongzhou = create("admin", warmStation(tongzhou)).get("id").asLong();
        long inShunyi = create("admin", warmStation(shunyi)).get("id").asLong();

        changeStatus("admin", inTongzhou, "BUILT");
        changeStatus("admin", inShunyi, "BUILT");

        assertThat(money(grant(inTongzhou).get("amount"))).isEqualTo("3500.00");
        assertThat(money(grant(inShunyi).get("amount"))).isEqualTo("2000.00");
        assertThat(money("SELECT amount FROM funding_standard WHERE district_org_id IS NULL AND year = ? "
                + "AND kind_code = 'WARM_STATION'", thisYear())).isEqualTo("2000.00");
    }

    @Test
    void aBudgetCannotBeSetBelowWhatIsCommitted() throws Exception {
        long district = orgId("110114");
        setBudget("admin", district, "300000");
        long id = create("admin", warmStation(district)).get("id").asLong();
        changeStatus("admin", id, "BUILT");
        String committed = committed(district);

        MvcResult refused = mvc.perform(putJson("/api/v1/station-funding/budgets",
                        budgetBody(district, minus(committed, "0.01"))).with(as("admin")))
                .andExpect(status().isBadRequest()).andReturn();

        assertThat(errors(refused)).containsExactly("amount:BELOW_COMMITTED");
        assertThat(budgetAmount(district)).isEqualTo("300000.00");
        JsonNode exact = setBudget("admin", district, committed);
        assertThat(money(exact.get("remaining"))).isEqualTo("0.00");
        assertThat(budgetAmount(district)).isEqualTo(committed);
    }

    @Test
    void budgetsAreSetOnlyByFundingManagersWithinTheirScope() throws Exception {
        long haidian = orgId("110108");
        long dongcheng = orgId("110101");
        String haidianBudget = budgetAmount(haidian);

        mvc.perform(putJson("/api/v1/station-funding/budgets", budgetBody(haidian, "1")).with(as("zhongguancun")))
                .andExpect(status().isForbidden());
        mvc.perform(putJson("/api/v1/station-funding/budgets", budgetBody(haidian, "1")).with(as("leader")))
                .andExpect(status().isForbidden());
        mvc.perform(putJson("/api/v1/station-funding/budgets", budgetBody(dongcheng, "1")).with(as("haidian")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/station-funding/budgets/" + dongcheng + "/" + thisYear()).with(as("haidian")))
                .andExpect(status().isNotFound());
        Map<String, Object> cityStandard = new LinkedHashMap<>();
        cityStandard.put("year", thisYear());
        cityStandard.put("kindCode", "WARM_STATION");
        cityStandard.put("amount", "1");
        MvcResult cityByDistrict = mvc.perform(putJson("/api/v1/station-funding/standards", cityStandard)
                .with(as("haidian"))).andExpect(status().isBadRequest()).andReturn();
        assertThat(errors(cityByDistrict)).containsExactly("districtOrgId:REQUIRED");

        assertThat(budgetAmount(haidian)).isEqualTo(haidianBudget);
        assertThat(money("SELECT amount FROM funding_standard WHERE district_org_id IS NULL AND year = ? "
                + "AND kind_code = 'WARM_STATION'", thisYear())).isEqualTo("2000.00");
        assertThat(money(budget("haidian", haidian).get("budget"))).isEqualTo(haidianBudget);
    }

    /** The budget row is locked while a grant is requested, so two builds cannot both take the last of it. */
    @Test
    void twoConcurrentBuildsThatTogetherExceedTheBudgetCannotBothSucceed() throws Exception {
        long district = orgId("110115");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String before = committed(district);
                setBudget("admin", district, plus(before, "3000.00"));
                long first = create("admin", warmStation(district)).get("id").asLong();
                long second = create("admin", warmStation(district)).get("id").asLong();
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (long id : new long[] {first, second}) {
                    answers.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "BUILT"))
                                .with(httpBasic("admin", PASSWORD))).andReturn().getResponse().getStatus();
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }

                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 400);
                assertThat(count("SELECT count(*) FROM station_grant WHERE station_id IN (?, ?)", first, second))
                        .isOne();
                assertThat(count("SELECT count(*) FROM station WHERE id IN (?, ?) AND status = 'BUILT'", first,
                        second)).isOne();
                assertThat(committed(district)).isEqualTo(plus(before, "2000.00"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new java.math.BigDecimal(committed(district)))
                .isLessThanOrEqualTo(new java.math.BigDecimal(budgetAmount(district)));
    }

    /**
     * The same race made certain: the first build holds its transaction open after requesting its grant, the second
     * is started meanwhile. The second must wait for the budget row and then find the budget spent; were the row not
     * locked, it would count the committed grants without the first one and both would succeed.
     */
    @Test
    void aBuildWaitsForAnotherBuildsGrantBeforeCheckingTheBudget() throws Exception {
        long district = orgId("110117");
        String before = committed(district);
        setBudget("admin", district, plus(before, "3000.00"));
        long first = create("admin", warmStation(district)).get("id").asLong();
        long second = create("admin", warmStation(district)).get("id").asLong();
        CountDownLatch firstHoldsTheBudget = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> firstAnswer = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                registry.changeStatus(principal("admin"), first, StationStatus.BUILT);
                firstHoldsTheBudget.countDown();
                try {
                    firstMayCommit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 200;
            }));
            assertThat(firstHoldsTheBudget.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> secondAnswer = pool.submit(() -> mvc.perform(postJson("/api/v1/stations/" + second
                            + "/status", Map.of("status", "BUILT")).with(httpBasic("admin", PASSWORD)))
                    .andReturn().getResponse().getStatus());

            awaitUntil(() -> secondAnswer.isDone() || someoneWaitsForALock());
            firstMayCommit.countDown();

            assertThat(List.of(firstAnswer.get(60, TimeUnit.SECONDS), secondAnswer.get(60, TimeUnit.SECONDS)))
                    .containsExactly(200, 400);
        } finally {
            firstMayCommit.countDown();
            pool.shutdownNow();
        }
        assertThat(grant(first).get("status").asText()).isEqualTo("REQUESTED");
        assertThat(count("SELECT count(*) FROM station_grant WHERE station_id = ?", second)).isZero();
        assertThat(getJson("/api/v1/stations/" + second, as("admin")).get("status").asText()).isEqualTo("PLANNED");
        assertThat(committed(district)).isEqualTo(plus(before, "2000.00"));
    }

    /**
     * A budget being lowered while a grant is requested: the grant holds the budget row, so the new amount must be
     * checked against what is committed once the grant is in, never against what was committed before it.
     */
    @Test
    void loweringABudgetWhileAGrantIsBeingRequestedCannotLeaveItOverspent() throws Exception {
        long district = orgId("110116");
        setBudget("admin", district, "300000");
        String before = committed(district);
        long id = create("admin", warmStation(district)).get("id").asLong();
        String lowered = plus(before, "1000.00");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> lowering = new TransactionTemplate(transactions).execute(tx -> {
                registry.changeStatus(principal("admin"), id, StationStatus.BUILT);
                Future<Integer> answer = pool.submit(() -> mvc.perform(putJson("/api/v1/station-funding/budgets",
                                budgetBody(district, lowered)).with(httpBasic("admin", PASSWORD)))
                        .andReturn().getResponse().getStatus());
                awaitUntil(() -> answer.isDone() || someoneWaitsForALock());
                return answer;
            });

            int answer = lowering.get(60, TimeUnit.SECONDS);
            assertThat(committed(district)).isEqualTo(plus(before, "2000.00"));
            assertThat(answer).isEqualTo(400);
            assertThat(budgetAmount(district)).isEqualTo("300000.00");
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---

    private Map<String, Object> warmStation(long districtOrgId) {
        long street = firstStreetOf(tree.find(districtOrgId).orElseThrow().divisionCode());
        Map<String, Object> body = station(street, 39.75, 116.05);
        body.put("kindCode", "WARM_STATION");
        return body;
    }

    private JsonNode setBudget(String username, long district, String amount) throws Exception {
        return json(mvc.perform(putJson("/api/v1/station-funding/budgets", budgetBody(district, amount))
                .with(as(username))).andExpect(status().isOk()).andReturn());
    }

    private void setStandard(long district, String kind, String amount) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtOrgId", district);
        body.put("year", thisYear());
        body.put("kindCode", kind);
        body.put("amount", amount);
        mvc.perform(putJson("/api/v1/station-funding/standards", body).with(as("admin"))).andExpect(status().isOk());
    }

    private static Map<String, Object> budgetBody(long district, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtOrgId", district);
        body.put("year", thisYear());
        body.put("amount", amount);
        return body;
    }

    private JsonNode budget(String username, long district) throws Exception {
        return getJson("/api/v1/station-funding/budgets/" + district + "/" + thisYear(), as(username));
    }

    private JsonNode grant(long stationId) throws Exception {
        return getJson("/api/v1/stations/" + stationId + "/grant", as("admin"));
    }

    /** What the district has committed this year, straight from the grants. */
    private String committed(long district) {
        return money("SELECT coalesce(sum(amount), 0.00) FROM station_grant WHERE district_org_id = ? AND year = ? "
                + "AND status IN ('REQUESTED', 'RELEASED')", district, thisYear());
    }

    private String budgetAmount(long district) {
        return money("SELECT amount FROM district_budget WHERE district_org_id = ? AND year = ?", district, thisYear());
    }

    /** Money as the API writes it ({"amount": 2000.00}), in plain notation with its two decimals. */
    private static String money(JsonNode money) {
        return money.get("amount").decimalValue().toPlainString();
    }

    private static String plus(String a, String b) {
        return new java.math.BigDecimal(a).add(new java.math.BigDecimal(b)).setScale(2).toPlainString();
    }

    private static String minus(String a, String b) {
        return new java.math.BigDecimal(a).subtract(new java.math.BigDecimal(b)).setScale(2).toPlainString();
    }

    /** Another session of the database waits for a lock (one our open transaction holds). */
    private boolean someoneWaitsForALock() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
                > 0;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 30 s in vain");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
