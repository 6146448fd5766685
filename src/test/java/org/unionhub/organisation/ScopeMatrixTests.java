package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.MISSING_ID;
import static org.unionhub.TestTree.basic;
import static org.unionhub.TestTree.bearer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.identity.PartnerStep;
import org.unionhub.identity.StaffAccounts;

/**
 * Every demo account against every endpoint of the foundation, once with a target inside the account's data scope
 * and once with a target outside it. The expected answers are the table {@link #EXPECTED}; each cell is
 * {@code <inside> <outside>}, or a single answer where the target does not matter.
 *
 * <ul>
 * <li>{@code 200}/{@code 201}: done, and the answer shows the target;</li>
 * <li>{@code []}: a list or search, answered 200 without a single row from outside the scope;</li>
 * <li>{@code 404}: out of scope looks exactly like missing (never 403, which would reveal that it exists);</li>
 * <li>{@code 400}: a create whose parent/organisation in the body is out of scope: refused as
 * {@code {field, code: NOT_FOUND}}, the same answer a non-existent id gets, and nothing is stored;</li>
 * <li>{@code 403}: the role lacks the permission (checked before the scope, so it reveals nothing either);</li>
 * <li>{@code 401} (API) / {@code login} (console): not signed in.</li>
 * </ul>
 *
 * <p>admin, centre, leader, bank and guarantor are bound to the city, so nothing lies outside their scope; their
 * "outside" column probes an id (or code, or name) that does not exist instead, and says so in the test name. Writes
 * always act on fresh nodes and enterprises made for the case, never on the demo tree. Staff use HTTP Basic on the
 * API and partners their bearer token; the console pages use a form-login session for everyone.
 */
@UnionHubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTests {

    static final String EXPECTED = """
            endpoint                        | admin   | haidian | zhongguancun | dongcheng | centre  | leader  | bank    | guarantor | anonymous
            GET  /api/v1/orgs/{id}          | 200 404 | 200 404 | 200 404      | 200 404   | 200 404 | 200 404 | 403 403 | 403 403   | 401
            GET  /api/v1/orgs/{id}/children | 200 404 | 200 404 | 200 404      | 200 404   | 200 404 | 200 404 | 403 403 | 403 403   | 401
            GET  /api/v1/orgs?divisionCode= | 200 []  | 200 []  | 200 []       | 200 []    | 200 []  | 200 []  | 403 403 | 403 403   | 401
            POST /api/v1/orgs               | 201 400 | 201 400 | 201 400      | 201 400   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            PUT  /api/v1/orgs/{id}          | 200 404 | 200 404 | 200 404      | 200 404   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            POST /api/v1/orgs/{id}/move     | 200 404 | 200 404 | 403 403      | 200 404   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            POST /api/v1/orgs/{id}/close    | 200 404 | 200 404 | 403 403      | 200 404   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            GET  /api/v1/enterprises/{id}   | 200 404 | 200 404 | 200 404      | 200 404   | 200 404 | 200 404 | 403 403 | 403 403   | 401
            GET  /api/v1/enterprises?q=     | 200 []  | 200 []  | 200 []       | 200 []    | 200 []  | 200 []  | 403 403 | 403 403   | 401
            POST /api/v1/enterprises        | 201 400 | 201 400 | 201 400      | 201 400   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            PUT  /api/v1/enterprises/{id}   | 200 404 | 200 404 | 200 404      | 200 404   | 403 403 | 403 403 | 403 403 | 403 403   | 401
            GET  /api/v1/me                 | 200     | 200     | 200          | 200       | 200     | 200     | 200     | 200       | 401
            GET  /orgs/{id}                 | 200 404 | 200 404 | 200 404      | 200 404   | 200 404 | 200 404 | 403 403 | 403 403   | login
            GET  /enterprises/{id}          | 200 404 | 200 404 | 200 404      | 200 404   | 200 404 | 200 404 | 403 403 | 403 403   | login
            GET  /admin/accounts            | 200 []  | 200 []  | 403 403      | 200 []    | 403 403 | 403 403 | 403 403 | 403 403   | login
            GET  /admin/accounts/{id}       | 200 404 | 200 404 | 403 403      | 200 404   | 403 403 | 403 403 | 403 403 | 403 403   | login
            GET  /admin/audit               | 200 []  | 200 []  | 403 403      | 200 []    | 403 403 | 403 403 | 403 403 | 403 403   | login
            """;

    /** A street of the demo tree with what the matrix reads there. */
    enum Place {
        ZHONGGUANCUN("中关村街道", TestTree.ZHONGGUANCUN_STREET, TestTree.ZHONGGUANCUN_JOINT,
                TestTree.XUEYUANLU_STREET, "北京智联云软件有限公司", "110108011", "110108"),
        CHONGWAI("崇文门外街道", TestTree.CHONGWAI_STREET, TestTree.CHONGWAI_JOINT, TestTree.DONGHUAMEN_STREET,
                "北京崇文门饭店有限公司", "110101012", "110101"),
        /** Nothing: the whole city is in scope, so a non-existent id, code or name is probed instead. */
        NOWHERE(null, null, null, null, "不存在的企业名称", "110199999", "110199");

        final String label;
        final String street;
        final String union;
        /** Another street in the same district, as the new parent for a move. */
        final String otherStreet;
        final String enterprise;
        final String streetDivision;
        final String districtDivision;

        Place(String label, String street, String union, String otherStreet, String enterprise,
                String streetDivision, String districtDivision) {
            this.label = label;
            this.street = street;
            this.union = union;
            this.otherStreet = otherStreet;
            this.enterprise = enterprise;
            this.streetDivision = streetDivision;
            this.districtDivision = districtDivision;
        }

        boolean missing() {
            return this == NOWHERE;
        }
    }

    /** A demo account, where it is bound, and what lies inside and outside its scope. */
    enum Account {
        ADMIN("admin", "FEDERATION_ADMIN", false, Place.ZHONGGUANCUN, Place.NOWHERE, "haidian", null),
        HAIDIAN("haidian", "DISTRICT_ADMIN", false, Place.ZHONGGUANCUN, Place.CHONGWAI, "zhongguancun", "dongcheng"),
        ZHONGGUANCUN("zhongguancun", "STREET_STAFF", false, Place.ZHONGGUANCUN, Place.CHONGWAI, "zhongguancun",
                "dongcheng"),
        DONGCHENG("dongcheng", "DISTRICT_ADMIN", false, Place.CHONGWAI, Place.ZHONGGUANCUN, "dongcheng", "haidian"),
        CENTRE("centre", "CENTRE_OFFICER", false, Place.ZHONGGUANCUN, Place.NOWHERE, "haidian", null),
        LEADER("leader", "LEADER", false, Place.ZHONGGUANCUN, Place.NOWHERE, "haidian", null),
        BANK("bank", "BANK", true, Place.ZHONGGUANCUN, Place.NOWHERE, "haidian", null),
        GUARANTOR("guarantor", "GUARANTOR", true, Place.ZHONGGUANCUN, Place.NOWHERE, "haidian", null),
        /** Not signed in. */
        ANONYMOUS("anonymous", "", false, Place.ZHONGGUANCUN, Place.ZHONGGUANCUN, "haidian", null);

        final String username;
        final String role;
        final boolean partner;
        final Place inside;
        final Place outside;
        /** An account inside the scope (for the account and audit pages). */
        final String insideUser;
        /** An account outside the scope; null when the whole city is in scope. */
        final String outsideUser;

        Account(String username, String role, boolean partner, Place inside, Place outside, String insideUser,
                String outsideUser) {
            this.username = username;
            this.role = role;
            this.partner = partner;
            this.inside = inside;
            this.outside = outside;
            this.insideUser = insideUser;
            this.outsideUser = outsideUser;
        }

        static Account of(String username) {
            return Arrays.stream(values()).filter(a -> a.username.equals(username)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("Unknown account column " + username));
        }
    }

    enum Side {
        INSIDE, OUTSIDE, ANY
    }

    enum Endpoint {
        ORG("GET  /api/v1/orgs/{id}"),
        ORG_CHILDREN("GET  /api/v1/orgs/{id}/children"),
        ORG_SEARCH("GET  /api/v1/orgs?divisionCode="),
        ORG_CREATE("POST /api/v1/orgs"),
        ORG_UPDATE("PUT  /api/v1/orgs/{id}"),
        ORG_MOVE("POST /api/v1/orgs/{id}/move"),
        ORG_CLOSE("POST /api/v1/orgs/{id}/close"),
        ENTERPRISE("GET  /api/v1/enterprises/{id}"),
        ENTERPRISE_SEARCH("GET  /api/v1/enterprises?q="),
        ENTERPRISE_CREATE("POST /api/v1/enterprises"),
        ENTERPRISE_UPDATE("PUT  /api/v1/enterprises/{id}"),
        ME("GET  /api/v1/me"),
        ORG_PAGE("GET  /orgs/{id}"),
        ENTERPRISE_PAGE("GET  /enterprises/{id}"),
        ACCOUNTS_PAGE("GET  /admin/accounts"),
        ACCOUNT_PAGE("GET  /admin/accounts/{id}"),
        AUDIT_PAGE("GET  /admin/audit");

        final String label;

        Endpoint(String label) {
            this.label = label;
        }

        boolean isApi() {
            return label.contains("/api/");
        }

        static Endpoint of(String label) {
            return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("Unknown endpoint row " + label));
        }
    }

    /** One cell of the matrix: who, what, which target, and the expected answer. */
    record Case(Account account, Endpoint endpoint, Side side, String expected) {

        Place place() {
            return side == Side.OUTSIDE ? account.outside : account.inside;
        }

        @Override
        public String toString() {
            String who = account == Account.ANONYMOUS ? "anonymous (not signed in)"
                    : account.username + " (" + account.role + ")";
            String target = switch (side) {
                case ANY -> "no target";
                case INSIDE -> "inside scope: " + place().label;
                case OUTSIDE -> place().missing()
                        ? "no out-of-scope target (whole city in scope): a non-existent one"
                        : "outside scope: " + place().label;
            };
            return who + " · " + endpoint.label.replaceAll(" +", " ") + " · " + target + " → " + expected;
        }
    }

    static Stream<Case> cases() {
        List<String> lines = EXPECTED.lines().filter(l -> !l.isBlank()).toList();
        List<Account> columns = Arrays.stream(lines.get(0).split("\\|")).skip(1).map(String::strip)
                .map(Account::of).toList();
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|");
            Endpoint endpoint = Endpoint.of(cells[0].strip());
            for (int i = 0; i < columns.size(); i++) {
                String[] answers = cells[i + 1].strip().split("\\s+");
                Account account = columns.get(i);
                if (answers.length == 1) {
                    cases.add(new Case(account, endpoint, Side.ANY, answers[0]));
                } else {
                    cases.add(new Case(account, endpoint, Side.INSIDE, answers[0]));
                    cases.add(new Case(account, endpoint, Side.OUTSIDE, answers[1]));
                }
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    StaffAccounts accounts;

    private final Map<Account, MockHttpSession> sessions = new EnumMap<>(Account.class);
    private String guarantorToken;

    /**
     * Signs every account into the console once (which also leaves a SIGN_IN event per account for the audit page)
     * and gives the guarantor, which has no demo token, a bearer token.
     */
    @BeforeAll
    void signInEveryone() throws Exception {
        for (Account account : Account.values()) {
            if (account != Account.ANONYMOUS) {
                sessions.put(account, TestTree.consoleSession(mvc, account.username));
            }
        }
        guarantorToken = accounts.issueToken(data.principal("admin"), data.account("guarantor"), "scope matrix",
                EnumSet.of(PartnerStep.LOAN_GUARANTEE)).token();
    }

    @Test
    void theMatrixCoversEveryEndpointForEveryAccount() {
        assertThat(cases()).hasSize(Endpoint.values().length * 2 * (Account.values().length - 1)
                - (Account.values().length - 1) // GET /api/v1/me has no target
                + Endpoint.values().length);    // anonymous: one case per endpoint
        assertThat(cases().map(Case::endpoint).distinct()).containsExactlyInAnyOrder(Endpoint.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheMatrixSays(Case c) throws Exception {
        Place place = c.place();
        switch (c.endpoint()) {
            case ORG -> {
                long id = place.missing() ? MISSING_ID : data.org(place.union);
                ResultActions result = perform(c, get("/api/v1/orgs/{id}", id));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.name").value(place.union));
                }
            }
            case ORG_CHILDREN -> {
                long id = place.missing() ? MISSING_ID : data.org(place.street);
                ResultActions result = perform(c, get("/api/v1/orgs/{id}/children", id));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$[*].name", hasItem(place.union)));
                }
            }
            case ORG_SEARCH -> {
                String code = c.side() == Side.OUTSIDE ? place.districtDivision : place.streetDivision;
                ResultActions result = perform(c, get("/api/v1/orgs").param("divisionCode", code));
                if (c.expected().equals("[]")) {
                    result.andExpect(jsonPath("$", empty()));
                } else if (succeeds(c)) {
                    result.andExpect(jsonPath("$[*].name", hasItem(place.union)))
                            .andExpect(jsonPath("$[*].divisionCode", everyItem(startsWith(code))));
                }
            }
            case ORG_CREATE -> {
                long parentId = place.missing() ? MISSING_ID : data.org(place.street);
                String name = TestTree.unique("矩阵新建工会");
                ResultActions result = perform(c, post("/api/v1/orgs").contentType(MediaType.APPLICATION_JSON)
                        .content(body("parentId", parentId, "name", name, "kind", "GRASSROOTS")));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.name").value(name)).andExpect(jsonPath("$.parentId").value(parentId));
                } else {
                    assertThat(nodesNamed(name)).as("nothing stored").isZero();
                }
                if (c.expected().equals("400")) {
                    expectOnlyError(result, "parentId", "NOT_FOUND");
                }
            }
            case ORG_UPDATE -> {
                OrgUnit node = place.missing() ? null : data.newUnion(data.org(place.street));
                long id = node == null ? MISSING_ID : node.id();
                String name = TestTree.unique("矩阵改名工会");
                ResultActions result = perform(c, put("/api/v1/orgs/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON).content(body("name", name)));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.name").value(name));
                } else if (node != null) {
                    assertThat(data.node(id).name()).as("unchanged").isEqualTo(node.name());
                }
            }
            case ORG_MOVE -> {
                OrgUnit node = place.missing() ? null : data.newUnion(data.org(place.street));
                long id = node == null ? MISSING_ID : node.id();
                // the new parent is always one the caller can see: only the node itself is out of scope
                long newParent = data.org(c.account().inside.otherStreet);
                ResultActions result = perform(c, post("/api/v1/orgs/{id}/move", id)
                        .contentType(MediaType.APPLICATION_JSON).content(body("newParentId", newParent)));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.parentId").value(newParent));
                } else if (node != null) {
                    assertThat(data.node(id).parentId()).as("not moved").isEqualTo(node.parentId());
                }
            }
            case ORG_CLOSE -> {
                OrgUnit node = place.missing() ? null : data.newUnion(data.org(place.street));
                long id = node == null ? MISSING_ID : node.id();
                ResultActions result = perform(c, post("/api/v1/orgs/{id}/close", id));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.status").value("CLOSED"));
                } else if (node != null) {
                    assertThat(data.node(id).status()).as("still open").isEqualTo(OrgStatus.ACTIVE);
                }
            }
            case ENTERPRISE -> {
                long id = place.missing() ? MISSING_ID : data.enterprise(place.enterprise);
                ResultActions result = perform(c, get("/api/v1/enterprises/{id}", id));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.name").value(place.enterprise));
                }
            }
            case ENTERPRISE_SEARCH -> {
                ResultActions result = perform(c, get("/api/v1/enterprises").param("q", place.enterprise));
                if (c.expected().equals("[]")) {
                    result.andExpect(jsonPath("$", empty()));
                } else if (succeeds(c)) {
                    result.andExpect(jsonPath("$[*].name", hasItem(place.enterprise)));
                }
            }
            case ENTERPRISE_CREATE -> {
                long orgId = place.missing() ? MISSING_ID : data.org(place.street);
                String code = TestTree.companyCreditCode("110108");
                ResultActions result = perform(c, post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(body("name", TestTree.unique("矩阵新企业"), "creditCode", code, "orgId", orgId)));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.creditCode").value(code)).andExpect(jsonPath("$.orgId").value(orgId));
                } else {
                    assertThat(enterprisesWithCode(code)).as("nothing stored").isZero();
                }
                if (c.expected().equals("400")) {
                    expectOnlyError(result, "orgId", "NOT_FOUND");
                }
            }
            case ENTERPRISE_UPDATE -> {
                Enterprise enterprise = place.missing() ? null : data.newEnterprise(data.org(place.street));
                long id = enterprise == null ? MISSING_ID : enterprise.id();
                long orgId = place.missing() ? data.org(Place.ZHONGGUANCUN.street) : enterprise.orgId();
                String code = enterprise == null ? TestTree.companyCreditCode("110108") : enterprise.creditCode();
                String name = TestTree.unique("矩阵改名企业");
                ResultActions result = perform(c, put("/api/v1/enterprises/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("name", name, "creditCode", code, "orgId", orgId)));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.name").value(name));
                } else if (enterprise != null) {
                    assertThat(enterpriseName(id)).as("unchanged").isEqualTo(enterprise.name());
                }
            }
            case ME -> {
                ResultActions result = perform(c, get("/api/v1/me"));
                if (succeeds(c)) {
                    result.andExpect(jsonPath("$.username").value(c.account().username))
                            .andExpect(jsonPath("$.roles[0]").value(c.account().role));
                }
            }
            case ORG_PAGE -> {
                long id = place.missing() ? MISSING_ID : data.org(place.union);
                ResultActions result = perform(c, get("/orgs/{id}", id));
                if (succeeds(c)) {
                    result.andExpect(content().string(containsString(place.union)));
                } else if (!place.missing()) {
                    result.andExpect(content().string(not(containsString(place.union))));
                }
            }
            case ENTERPRISE_PAGE -> {
                long id = place.missing() ? MISSING_ID : data.enterprise(place.enterprise);
                ResultActions result = perform(c, get("/enterprises/{id}", id));
                if (succeeds(c)) {
                    result.andExpect(content().string(containsString(place.enterprise)));
                } else if (!place.missing()) {
                    result.andExpect(content().string(not(containsString(place.enterprise))));
                }
            }
            case ACCOUNTS_PAGE -> {
                ResultActions result = perform(c, get("/admin/accounts"));
                if (c.side() == Side.INSIDE && succeeds(c)) {
                    result.andExpect(content().string(containsString(">" + c.account().insideUser + "</a>")));
                } else if (c.expected().equals("[]") && c.account().outsideUser != null) {
                    result.andExpect(content().string(not(containsString(">" + c.account().outsideUser + "</a>"))));
                }
            }
            case ACCOUNT_PAGE -> {
                String username = c.side() == Side.OUTSIDE ? c.account().outsideUser : c.account().insideUser;
                long id = username == null ? MISSING_ID : data.account(username);
                ResultActions result = perform(c, get("/admin/accounts/{id}", id));
                if (succeeds(c)) {
                    result.andExpect(content().string(containsString(username)));
                }
            }
            case AUDIT_PAGE -> {
                ResultActions result = perform(c, get("/admin/audit").param("action", "SIGN_IN"));
                if (c.side() == Side.INSIDE && succeeds(c)) {
                    result.andExpect(content().string(containsString("<td>" + c.account().insideUser + "</td>")));
                } else if (c.expected().equals("[]") && c.account().outsideUser != null) {
                    result.andExpect(content().string(
                            not(containsString("<td>" + c.account().outsideUser + "</td>"))));
                }
            }
        }
    }

    @Test
    void streetStaffCannotSeeAnotherStreetOfItsOwnDistrict() throws Exception {
        mvc.perform(get("/api/v1/orgs/{id}", data.org(TestTree.XUEYUANLU_JOINT)).with(basic("zhongguancun")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_FOUND"));
    }

    @Test
    void streetStaffSearchingAnotherDistrictGetsNothing() throws Exception {
        mvc.perform(get("/api/v1/orgs").param("divisionCode", "110101").with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aNameSearchAcrossTheCityOnlyReturnsNodesInsideTheCallersScope() throws Exception {
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        String answer = mvc.perform(get("/api/v1/orgs").param("q", "联合工会").with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem(TestTree.ZHONGGUANCUN_JOINT)))
                .andExpect(jsonPath("$[*].name", not(hasItem(TestTree.XUEYUANLU_JOINT))))
                .andExpect(jsonPath("$[*].name", not(hasItem(TestTree.CHONGWAI_JOINT))))
                .andReturn().getResponse().getContentAsString();
        for (OrgView found : json.readValue(answer, OrgView[].class)) {
            assertThat(data.inSubtree(street, found.id())).as(found.name() + " inside 中关村街道").isTrue();
        }
    }

    @Test
    void aDistrictAdminListingEnterprisesSeesOnlyThoseOfItsDistrict() throws Exception {
        long district = data.org(TestTree.HAIDIAN);
        String answer = mvc.perform(get("/api/v1/enterprises").with(basic("haidian")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("北京智联云软件有限公司")))
                .andExpect(jsonPath("$[*].name", not(hasItem("北京崇文门饭店有限公司"))))
                .andReturn().getResponse().getContentAsString();
        for (EnterpriseView found : json.readValue(answer, EnterpriseView[].class)) {
            assertThat(data.inSubtree(district, found.orgId())).as(found.name() + " inside 海淀区").isTrue();
        }
    }

    @Test
    void aCityWideReaderSeesEveryDistrictButCannotWrite() throws Exception {
        mvc.perform(get("/api/v1/orgs/{id}", data.org(TestTree.CHONGWAI_JOINT)).with(basic("leader")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/orgs/{id}", data.org(TestTree.ZHONGGUANCUN_JOINT)).with(basic("leader")))
                .andExpect(status().isOk());
        OrgUnit fresh = data.newUnion(data.org(TestTree.CHONGWAI_STREET));
        mvc.perform(put("/api/v1/orgs/{id}", fresh.id()).with(basic("leader"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("name", "领导改名")))
                .andExpect(status().isForbidden());
        assertThat(data.node(fresh.id()).name()).isEqualTo(fresh.name());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    record OrgView(long id, String name) {
    }

    record EnterpriseView(long id, String name, long orgId) {
    }

    private ResultActions perform(Case c, MockHttpServletRequestBuilder request) throws Exception {
        Account account = c.account();
        if (account != Account.ANONYMOUS) {
            if (!c.endpoint().isApi()) {
                request.session(sessions.get(account));
            } else if (account.partner) {
                request.with(bearer(account == Account.BANK ? TestTree.BANK_TOKEN : guarantorToken));
            } else {
                request.with(basic(account.username));
            }
        }
        ResultActions result = mvc.perform(request);
        switch (c.expected()) {
            case "200", "[]" -> result.andExpect(status().isOk());
            case "201" -> result.andExpect(status().isCreated());
            case "400" -> result.andExpect(status().isBadRequest());
            case "401" -> result.andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.errors[0].code").value("UNAUTHENTICATED"));
            case "403" -> result.andExpect(status().isForbidden());
            case "404" -> result.andExpect(status().isNotFound());
            case "login" -> result.andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("**/login"));
            default -> throw new IllegalArgumentException("Unknown answer " + c.expected() + " in the matrix");
        }
        if (c.endpoint().isApi() && c.expected().equals("403")) {
            result.andExpect(jsonPath("$.errors[0].code").value("FORBIDDEN"));
        }
        if (c.endpoint().isApi() && c.expected().equals("404")) {
            result.andExpect(jsonPath("$.errors[0].code").value("NOT_FOUND"));
        }
        return result;
    }

    private static boolean succeeds(Case c) {
        return c.expected().equals("200") || c.expected().equals("201");
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    private String body(Object... keysAndValues) throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json.writeValueAsString(map);
    }

    private long nodesNamed(String name) {
        return data.jdbc().sql("SELECT count(*) FROM org_unit WHERE name = :n").param("n", name)
                .query(Long.class).single();
    }

    private long enterprisesWithCode(String code) {
        return data.jdbc().sql("SELECT count(*) FROM enterprise WHERE credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    private String enterpriseName(long id) {
        return data.jdbc().sql("SELECT name FROM enterprise WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
