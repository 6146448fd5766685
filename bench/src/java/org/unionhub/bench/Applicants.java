package org.unionhub.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.unionhub.common.IdNumber;

/**
 * The n-th worker who applies: a name, a GB 11643 resident ID with the right check character, a real birth date (aged
 * 18 to 60 on {@code today}) and an address code of Beijing or of a province many of Beijing's gig workers come from,
 * a mainland mobile number, and either a gig occupation or an employer without a union. IDs and mobiles are distinct
 * for distinct n (each is n run through a bijection of its number space), so no applicant of a run is turned away as
 * already a member; everything else is drawn from a random generator seeded with n, so a run is repeatable.
 */
final class Applicants {

    /** Beijing's districts, then Hebei, Henan, Anhui, Shandong, Sichuan, Heilongjiang, Shanxi, Hubei, Hunan. */
    private static final List<String> AREAS = List.of("110101", "110102", "110105", "110106", "110107", "110108",
            "110111", "110112", "110113", "110114", "110115", "130102", "130602", "131002", "130203", "410102",
            "411302", "410302", "341202", "340104", "370102", "372901", "510104", "511302", "230102", "140105",
            "420106", "430102");
    private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "135", "136", "137", "138",
            "139", "150", "151", "152", "155", "156", "157", "158", "159", "176", "177", "180", "182", "185", "186",
            "187", "188", "189", "199");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
            "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
            "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕",
            "红", "鹏", "飞", "亮", "建国", "小龙", "春梅", "文博", "子轩", "雨欣", "浩然", "宇航", "晓东", "国庆");
    /** Gig occupations (routed to the street's joint union as mobile members) and how often each comes. */
    private static final List<String> OCCUPATIONS = List.of("FOOD_DELIVERY_RIDER", "FOOD_DELIVERY_RIDER",
            "FOOD_DELIVERY_RIDER", "COURIER", "COURIER", "RIDE_HAILING_DRIVER", "TRUCK_DRIVER", "DOMESTIC_WORKER");
    /** Small employers without a union of their own (routed to the street's joint union). */
    private static final List<String> EMPLOYERS = List.of("中关村某快餐店", "海淀黄庄便利店", "中关村大街某汽修店",
            "北四环某家政服务部", "中关村东路某洗衣店", "科学院南路某超市");
    private static final double GIG_SHARE = 0.7;
    private static final int SEQUENCES = 999;

    private final LocalDate oldest;
    private final int days;
    private final long idSpace;
    private final long idMultiplier;
    private final long mobileSpace;
    private final long mobileMultiplier;
    private final long streetId;

    /** Applicants who work in the street {@code streetId}, aged 18 to 60 on {@code today}. */
    Applicants(long streetId, LocalDate today) {
        this.streetId = streetId;
        this.oldest = today.minusYears(60).plusDays(1);
        this.days = (int) ChronoUnit.DAYS.between(oldest, today.minusYears(18));
        this.idSpace = (long) AREAS.size() * days * SEQUENCES;
        this.idMultiplier = coprimeNear(idSpace, 0.618);
        this.mobileSpace = MOBILE_PREFIXES.size() * 100_000_000L;
        this.mobileMultiplier = coprimeNear(mobileSpace, 0.382);
    }

    /** The n-th applicant's JSON for {@code POST /api/v1/membership-applications}. */
    String json(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        String name = SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
        String work = random.nextDouble() < GIG_SHARE
                ? "\"occupation\":\"" + OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size())) + "\""
                : "\"employerName\":\"" + EMPLOYERS.get(random.nextInt(EMPLOYERS.size())) + "\"";
        return String.format(Locale.ROOT, "{\"name\":\"%s\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"%s\","
                + "\"phone\":\"%s\",%s,\"workStreetId\":%d,\"consent\":true}", name, residentId(n), mobile(n), work,
                streetId);
    }

    String residentId(long n) {
        long index = permute(n, idSpace, idMultiplier);
        int sequence = (int) (index % SEQUENCES) + 1;
        long rest = index / SEQUENCES;
        LocalDate born = oldest.plusDays(rest % days);
        String first17 = AREAS.get((int) (rest / days)) + born.toString().replace("-", "")
                + String.format(Locale.ROOT, "%03d", sequence);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    String mobile(long n) {
        long index = permute(n, mobileSpace, mobileMultiplier);
        return MOBILE_PREFIXES.get((int) (index / 100_000_000L))
                + String.format(Locale.ROOT, "%08d", index % 100_000_000L);
    }

    /** n × multiplier mod space: a bijection of [0, space) since the multiplier is coprime with the space. */
    private static long permute(long n, long space, long multiplier) {
        if (n < 0 || n >= space) {
            throw new IllegalArgumentException("Applicant " + n + " is beyond the " + space + " distinct ones");
        }
        return Math.floorMod(Math.multiplyExact(n, multiplier), space);
    }

    private static long coprimeNear(long space, double fraction) {
        long candidate = (long) (space * fraction);
        while (gcd(candidate, space) != 1) {
            candidate++;
        }
        return candidate;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
