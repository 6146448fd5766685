package org.unionhub.seedcity.domain;

import java.util.SplittableRandom;
import org.unionhub.common.CreditCode;

/**
 * The city's employers as the generator makes them: an industry (weighted as Beijing's small and mid-sized firms
 * are: software, catering, retail, couriers, property management…), a name in the usual form (北京 + trade name +
 * industry + 有限公司), a head count (log-normal around the industry's typical size: most firms are small, a few have
 * hundreds), an address in their street, and unified social credit codes (GB 32100) — the company's ({@code 91…}) and
 * later its union's ({@code 81…}) — unique by construction: a serial number through a fixed permutation of the
 * letter-led organisation codes, which neither the demo's codes nor the tests' use.
 */
public final class Employers {

    /** An industry: name, company-name ending, typical head count, share, new-economy share, gig platform. */
    record Industry(String name, String ending, int typicalSize, double share, double newEconomy, boolean gig) {
    }

    static final Industry[] INDUSTRIES = {
        new Industry("软件和信息技术服务业", "科技有限公司", 35, 14, 0.9, false),
        new Industry("互联网和相关服务", "网络科技有限公司", 40, 6, 1.0, false),
        new Industry("餐饮业", "餐饮管理有限公司", 22, 12, 0.1, false),
        new Industry("零售业", "商贸有限公司", 15, 12, 0.1, false),
        new Industry("快递服务", "速递服务有限公司", 45, 5, 0.6, true),
        new Industry("道路货物运输", "物流有限公司", 30, 5, 0.3, true),
        new Industry("道路旅客运输", "汽车服务有限公司", 25, 3, 0.4, true),
        new Industry("建筑业", "建筑工程有限公司", 60, 7, 0.05, false),
        new Industry("物业管理", "物业管理有限公司", 70, 7, 0.1, false),
        new Industry("住宿业", "酒店管理有限公司", 50, 4, 0.1, false),
        new Industry("商务服务业", "企业管理咨询有限公司", 18, 9, 0.3, false),
        new Industry("通用设备制造业", "机械制造有限公司", 80, 6, 0.1, false),
        new Industry("居民服务业", "家政服务有限公司", 20, 4, 0.2, true),
        new Industry("文化艺术业", "文化传媒有限公司", 15, 4, 0.6, false),
        new Industry("卫生", "医疗管理有限公司", 40, 3, 0.2, false),
        new Industry("教育", "教育科技有限公司", 25, 3, 0.5, false),
    };
    private static final String TRADE_CHARACTERS = "华泰鑫隆安达恒信宏远盛中科联创新源博瑞凯祥金诚天成佳和丰众合京港永德润同兴嘉禾"
            + "康宁正阳广汇明辉长城启航志卓越智云帆星海蓝宝利通顺捷万优品尚锦程鼎立汇美";
    private static final String[] ROADS = {"建设路", "光华路", "科技园路", "商务中心区", "工业园路", "幸福街", "和平路",
        "文化路", "创业路", "振兴路", "迎宾路", "学院路"};
    private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final long CODE_SPACE = 31L * 31 * 31 * 31 * 31 * 31;
    /** Letter-led seven-character serials: the first character is one of the 21 letters of the charset. */
    private static final long LETTER_LED = 10 * CODE_SPACE;
    private static final long CODE_STEP = 48_271;

    private Employers() {
    }

    static Industry industry(SplittableRandom random) {
        double total = 0;
        for (Industry industry : INDUSTRIES) {
            total += industry.share();
        }
        double u = random.nextDouble() * total;
        for (Industry industry : INDUSTRIES) {
            u -= industry.share();
            if (u < 0) {
                return industry;
            }
        }
        return INDUSTRIES[INDUSTRIES.length - 1];
    }

    /** A head count around the industry's typical size (log-normal, σ = 1), between 3 and 5,000. */
    static int employees(Industry industry, SplittableRandom random) {
        double size = industry.typicalSize() * Math.exp(random.nextGaussian());
        return (int) Math.max(3, Math.min(5_000, Math.round(size)));
    }

    static String name(Industry industry, SplittableRandom random) {
        char first = TRADE_CHARACTERS.charAt(random.nextInt(TRADE_CHARACTERS.length()));
        char second;
        do {
            second = TRADE_CHARACTERS.charAt(random.nextInt(TRADE_CHARACTERS.length()));
        } while (second == first);
        return "北京" + first + second + industry.ending();
    }

    static String address(District district, CityUnit unit, SplittableRandom random) {
        return district.shortName() + unit.shortName() + ROADS[random.nextInt(ROADS.length)]
                + (1 + random.nextInt(199)) + "号";
    }

    /** The company's credit code: authority 9, type 1 (a company), its district and the serial's organisation code. */
    static String companyCode(String district, long serial) {
        return code("91" + district + "MA", serial);
    }

    /** A grassroots union's credit code ({@code 81…}): union authority 8, type 1. */
    static String unionCode(String district, long serial) {
        return code("81" + district + "MC", serial);
    }

    /** A street's joint union's credit code ({@code 81…}), for the joint unions the generator has to add. */
    public static String jointUnionCode(String district, long serial) {
        return code("81" + district + "MJ", serial);
    }

    private static String code(String first10, long serial) {
        if (serial < 0 || serial >= CODE_SPACE * 21) {
            throw new IllegalArgumentException("Credit code serial " + serial + " out of range");
        }
        long value = LETTER_LED + Math.floorMod(serial * CODE_STEP, CODE_SPACE * 21);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            digits.append(CODE_CHARACTERS.charAt((int) (value % 31)));
            value /= 31;
        }
        String first17 = first10 + digits.reverse();
        return first17 + CreditCode.checkCharacterFor(first17);
    }
}
