package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.identity.SignIn;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/** What the station integration tests share: signing in as the demo accounts, JSON, station bodies and counts. */
abstract class StationApiSupport {

    static final String PASSWORD = "Demo@2023";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Reads numbers exactly as written, so that 2000.00 stays 2000.00 (not 2E+3). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Principals by username, signed in once with the real password check (the context is shared). */
    private static final Map<String, StaffPrincipal> PRINCIPALS = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;
    @Autowired
    SignIn signIn;

    /** The demo account, signed in with its password. */
    StaffPrincipal principal(String username) {
        return PRINCIPALS.computeIfAbsent(username, u -> signIn.withPassword(u, PASSWORD));
    }

    /** A request made as a demo account (the account's real authorities and scope). */
    RequestPostProcessor as(String username) {
        StaffPrincipal p = principal(username);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.authorities()));
    }

    OrgUnit org(String divisionCode) {
        return tree.findByDivisionCode(divisionCode).orElseThrow();
    }

    long orgId(String divisionCode) {
        return org(divisionCode).id();
    }

    /** The first street-level unit of a district (by its division code). */
    long firstStreetOf(String districtCode) {
        OrgUnit city = org("110000");
        return tree.children(new OrgScope(city.id()), orgId(districtCode)).get(0).id();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int thisYear() {
        return LocalDate.now(SHANGHAI).getYear();
    }

    /** A valid station body: an outdoor workers' station (no funding standard), open all day. */
    static Map<String, Object> station(long ownerOrgId, double lat, double lng) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("测试驿站"));
        body.put("kindCode", "OUTDOOR_STATION");
        body.put("ownerOrgId", ownerOrgId);
        body.put("hostTypeCode", "PUBLIC_BUILDING");
        body.put("hostName", "测试承建方");
        body.put("address", unique("测试路") + " 号");
        body.put("lat", BigDecimal.valueOf(lat).setScale(6, java.math.RoundingMode.HALF_UP));
        body.put("lng", BigDecimal.valueOf(lng).setScale(6, java.math.RoundingMode.HALF_UP));
        body.put("crs", "GCJ02");
        body.put("amenities", new ArrayList<>(List.of("DRINKING_WATER")));
        body.put("parkingFreeMinutes", null);
        body.put("capacity", 10);
        body.put("closedOnHolidays", false);
        body.put("contactName", "测试员");
        body.put("contactPhone", "010-62550000");
        body.put("photoUrls", new ArrayList<>());
        body.put("weeklyHours", "1-7 24h");
        body.put("hoursExceptions", null);
        return body;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(MvcResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MockHttpServletRequestBuilder postJson(String path, Object body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    static MockHttpServletRequestBuilder putJson(String path, Object body) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                .contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    /** Registers a station as {@code username} and returns it as the API answers. */
    JsonNode create(String username, Map<String, Object> body) throws Exception {
        return json(mvc.perform(postJson("/api/v1/stations", body).with(as(username)))
                .andExpect(status().isCreated()).andReturn());
    }

    JsonNode changeStatus(String username, long id, String target) throws Exception {
        return json(mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", target))
                .with(as(username))).andExpect(status().isOk()).andReturn());
    }

    /** Registers and builds a station, so that the finder lists it. */
    long createInService(Map<String, Object> body) throws Exception {
        long id = create("admin", body).get("id").asLong();
        assertThat(changeStatus("admin", id, "BUILT").get("status").asText()).isEqualTo("BUILT");
        return id;
    }

    JsonNode getJson(String path, RequestPostProcessor... processors) throws Exception {
        var request = get(path);
        for (RequestPostProcessor p : processors) {
            request.with(p);
        }
        return json(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    /** The errors of a 4xx answer as "field:code" (no field: just the code). */
    static List<String> errors(MvcResult result) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : json(result).get("errors")) {
            assertThat(error.path("message").asText()).as("every error has a message").isNotBlank()
                    .isNotEqualTo(error.get("code").asText());
            errors.add(error.has("field") ? error.get("field").asText() + ":" + error.get("code").asText()
                    : error.get("code").asText());
        }
        return errors;
    }

    long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    /** Money from the database in plain notation with its two decimals, e.g. 2000.00. */
    String money(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(BigDecimal.class).single().toPlainString();
    }
}
