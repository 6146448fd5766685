package org.unionhub.outreach;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/**
 * Each district keeps its own service package items and the federation keeps the city's: street staff see both but
 * manage neither, another district sees neither of Haidian's, and a retired item is no longer offered.
 */
@UnionHubTest
class ServicePackageCatalogueTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Test
    void districtItemsAreSeenInTheirDistrictAndCityItemsEverywhere() throws Exception {
        String haidianItem = TestTree.unique("法律体检");
        String cityItem = TestTree.unique("建会指导");
        long haidianId = create("haidian", Map.of("name", haidianItem, "description", "律师上门"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerOrgId").value(data.org(TestTree.HAIDIAN)))
                .andExpect(jsonPath("$.cityWide").value(false))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString().transform(this::id);
        create("admin", Map.of("name", cityItem)).andExpect(jsonPath("$.cityWide").value(true));

        items("zhongguancun", null).andExpect(jsonPath("$[*].name", hasItem(haidianItem)))
                .andExpect(jsonPath("$[*].name", hasItem(cityItem)));
        items("dongcheng", null).andExpect(jsonPath("$[*].name", hasItem(cityItem)))
                .andExpect(jsonPath("$[*].name", not(hasItem(haidianItem))));
        items("haidian", data.org(TestTree.ZHONGGUANCUN_STREET))
                .andExpect(jsonPath("$[*].name", hasItem(haidianItem)));
        items("admin", data.org(TestTree.CHONGWAI_STREET))
                .andExpect(jsonPath("$[*].name", hasItem(cityItem)))
                .andExpect(jsonPath("$[*].name", not(hasItem(haidianItem))));

        mvc.perform(put("/api/v1/outreach/service-items/{id}", haidianId).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", haidianItem, "active", false))))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/outreach/service-items/{id}", haidianId).with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", haidianItem, "active", false))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        items("haidian", data.org(TestTree.ZHONGGUANCUN_STREET))
                .andExpect(jsonPath("$[*].name", not(hasItem(haidianItem))));
        items("haidian", null).andExpect(jsonPath("$[?(@.name == '" + haidianItem + "')].active").value(false));
    }

    @Test
    void onlyADistrictOrTheFederationKeepsACatalogueAndNamesAreUniqueWithinOne() throws Exception {
        String name = TestTree.unique("职工之家建设补助");
        create("haidian", Map.of("name", name)).andExpect(status().isCreated());

        expectOnlyError(create("haidian", Map.of("name", name)), "name", "DUPLICATE");
        create("admin", Map.of("name", name, "ownerOrgId", data.org(TestTree.DONGCHENG)))
                .andExpect(status().isCreated());
        expectOnlyError(create("zhongguancun", Map.of("name", TestTree.unique("街道项目"))), "ownerOrgId",
                "NOT_A_DISTRICT");
        expectOnlyError(create("haidian", Map.of("name", TestTree.unique("越权"), "ownerOrgId",
                data.org(TestTree.DONGCHENG))), "ownerOrgId", "NOT_FOUND");
        create("haidian", Map.of("name", " ", "description", "说".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)));
        create("leader", Map.of("name", TestTree.unique("只读"))).andExpect(status().isForbidden());
    }

    @Test
    void theCataloguePageListsItemsAndLetsTheDistrictAddAndRetireThem() throws Exception {
        var session = TestTree.consoleSession(mvc, "haidian");
        String name = TestTree.unique("工会卡银行服务台");

        mvc.perform(post("/outreach/catalogue").session(session).with(csrf())
                        .param("ownerOrgId", String.valueOf(data.org(TestTree.HAIDIAN))).param("name", name))
                .andExpect(redirectedUrl("/outreach/catalogue?created"));
        String page = mvc.perform(get("/outreach/catalogue").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(page.split(name)[0].split("data-item=\"")[page.split(name)[0].split("data-item=\"")
                .length - 1].split("\"")[0]);
        mvc.perform(post("/outreach/catalogue/{id}", id).session(session).with(csrf()).param("name", name))
                .andExpect(redirectedUrl("/outreach/catalogue?saved"));
        items("haidian", null).andExpect(jsonPath("$[?(@.id == " + id + ")].active").value(false));

        var street = TestTree.consoleSession(mvc, "zhongguancun");
        mvc.perform(get("/outreach/catalogue").session(street))
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/outreach/catalogue/" + id))));
        mvc.perform(get("/outreach/catalogue/{id}", id).session(street)).andExpect(status().isNotFound());
    }

    private long id(String body) {
        try {
            return json.readTree(body).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResultActions create(String user, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/outreach/service-items").with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new HashMap<>(body))));
    }

    private ResultActions items(String user, Long orgId) throws Exception {
        var request = get("/api/v1/outreach/service-items").with(basic(user));
        if (orgId != null) {
            request.param("orgId", String.valueOf(orgId));
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }
}
