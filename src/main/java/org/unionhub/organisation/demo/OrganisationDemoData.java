package org.unionhub.organisation.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.common.CreditCode;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.persistence.EnterpriseRepository;
import org.unionhub.organisation.persistence.OrgUnitRepository;
import org.unionhub.organisation.Enterprise;

/**
 * Demo tree, loaded once into an empty database when {@code unionhub.demo.enabled} is true (the default): the
 * federation, Beijing's 16 districts and the Economic-Technological Development Area, all 349 street-level units from
 * the 2023 statistical division codes ({@code demo/beijing-divisions.csv}, copied from the National Bureau of
 * Statistics' public list), and joint and grassroots unions with their enterprises under a few streets the seeds name.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "unionhub.demo.enabled", havingValue = "true")
class OrganisationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationDemoData.class);
    private static final String ETDA_CODE = "110115403";
    private static final LocalDate FOUNDED = LocalDate.of(1950, 6, 1);

    private final OrgUnitRepository units;
    private final EnterpriseRepository enterprises;
    private final TransactionTemplate transaction;
    private int serial;

    OrganisationDemoData(OrgUnitRepository units, EnterpriseRepository enterprises, TransactionTemplate transaction) {
        this.units = units;
        this.enterprises = enterprises;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.findByDivisionCode("110000").isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Demo organisation tree loaded");
    }

    private void load() {
        OrgUnit city = add(null, "北京市总工会", OrgKind.FEDERATION, "110000", null, FOUNDED);
        Map<String, OrgUnit> byCode = new HashMap<>();
        for (String[] row : divisions()) {
            String code = row[0];
            if (code.equals(ETDA_CODE)) {
                continue;
            }
            if (row[2].equals("district")) {
                byCode.put(code, add(city, row[1] + "总工会", OrgKind.DISTRICT, code, null, FOUNDED));
            } else {
                OrgUnit district = byCode.get(row[3]);
                byCode.put(code, add(district, row[1] + "总工会", streetKind(row[2]), code, null,
                        LocalDate.of(2003, 1, 1)));
            }
        }
        add(city, "北京经济技术开发区总工会", OrgKind.DISTRICT, null, null, LocalDate.of(1994, 8, 25));

        OrgUnit zhongguancun = byCode.get("110108011");
        OrgUnit zgcJoint = add(zhongguancun, "中关村街道联合工会", OrgKind.JOINT, "110108011", unionCode("110108", 1),
                LocalDate.of(2018, 5, 10));
        OrgUnit zgcSoft = add(zhongguancun, "北京智联云软件有限公司工会", OrgKind.GRASSROOTS, "110108011",
                unionCode("110108", 2), LocalDate.of(2019, 3, 12));
        OrgUnit zgcExpress = add(zhongguancun, "北京捷达同城配送有限公司工会", OrgKind.GRASSROOTS, "110108011",
                unionCode("110108", 3), LocalDate.of(2020, 9, 1));
        enterprise("北京智联云软件有限公司", "110108", zhongguancun, "海淀区中关村大街 27 号", "软件和信息技术服务业", 320,
                true, false, false, zgcSoft, LocalDate.of(2019, 3, 12));
        enterprise("北京捷达同城配送有限公司", "110108", zhongguancun, "海淀区海淀南路 8 号", "快递服务", 146, true,
                false, true, zgcExpress, LocalDate.of(2020, 9, 1));
        enterprise("北京海淀书香咖啡馆", "110108", zhongguancun, "海淀区中关村东路 66 号", "餐饮业", 18, false, false,
                false, null, null);
        enterprise("北京新芽科技有限公司", "110108", zhongguancun, "海淀区科学院南路 2 号", "科技推广和应用服务业", 45,
                true, false, false, null, null);
        pilotEnterprise(zhongguancun);

        OrgUnit xueyuanlu = byCode.get("110108010");
        add(xueyuanlu, "学院路街道联合工会", OrgKind.JOINT, "110108010", unionCode("110108", 4), LocalDate.of(2018, 6, 1));

        OrgUnit chongwai = byCode.get("110101012");
        add(chongwai, "崇外街道联合工会", OrgKind.JOINT, "110101012", unionCode("110101", 1), LocalDate.of(2018, 4, 20));
        OrgUnit chongwaiHotel = add(chongwai, "北京崇文门饭店有限公司工会", OrgKind.GRASSROOTS, "110101012",
                unionCode("110101", 2), LocalDate.of(1998, 7, 1));
        enterprise("北京崇文门饭店有限公司", "110101", chongwai, "东城区崇文门西大街 2 号", "住宿业", 260, false, false,
                false, chongwaiHotel, LocalDate.of(1998, 7, 1));
        enterprise("北京花市便民超市有限公司", "110101", chongwai, "东城区花市大街 15 号", "零售业", 36, false, false,
                false, null, null);

        OrgUnit baliZhuang = byCode.get("110105015");
        add(baliZhuang, "八里庄街道联合工会", OrgKind.JOINT, "110105015", unionCode("110105", 1), LocalDate.of(2018, 5, 30));
        enterprise("北京畅行网约车服务有限公司", "110105", baliZhuang, "朝阳区八里庄西里 100 号", "道路运输业", 80, true,
                false, true, null, null);

        OrgUnit gulou = byCode.get("110118001");
        add(gulou, "鼓楼街道联合工会（富民街）", OrgKind.JOINT, "110118001", unionCode("110118", 1),
                LocalDate.of(2018, 10, 15));
        enterprise("密云顺达货运有限公司", "110118", gulou, "密云区富民街 12 号", "道路货物运输", 24, false, false, false,
                null, null);
    }

    private OrgUnit add(OrgUnit parent, String name, OrgKind kind, String division, String credit, LocalDate on) {
        long id = units.insert(parent, name, kind, division, credit, on);
        return units.findById(id).orElseThrow();
    }

    private void enterprise(String name, String district, OrgUnit street, String address, String industry,
            int employees, boolean newEconomy, boolean newSocial, boolean gig, OrgUnit union, LocalDate foundedOn) {
        enterprises.insert(new Enterprise(0, name, enterpriseCode(district), false, street.id(), null,
                street.divisionCode(), address, industry, employees, newEconomy, newSocial, gig,
                union == null ? null : union.id(), null, foundedOn, null));
    }

    /** An early pilot-era code that fails its check character, confirmed by staff: shown with a warning. */
    private void pilotEnterprise(OrgUnit street) {
        String valid = enterpriseCode("110108");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        enterprises.insert(new Enterprise(0, "北京中关村老字号食品厂", valid.substring(0, 17) + wrong, true, street.id(),
                null, street.divisionCode(), "海淀区中关村南大街 5 号", "食品制造业", 60, false, false, false, null,
                null, null, null));
    }

    private static OrgKind streetKind(String kind) {
        return switch (kind) {
            case "street" -> OrgKind.STREET;
            case "town" -> OrgKind.TOWN;
            case "township" -> OrgKind.TOWNSHIP;
            case "park" -> OrgKind.PARK;
            default -> throw new IllegalArgumentException("Unknown division kind " + kind);
        };
    }

    private String unionCode(String district, int n) {
        return withCheck("81" + district + String.format("DM%07d", n));
    }

    private String enterpriseCode(String district) {
        serial++;
        return withCheck("91" + district + String.format("MA%07d", serial));
    }

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacterFor(first17);
    }

    private static List<String[]> divisions() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/beijing-divisions.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
