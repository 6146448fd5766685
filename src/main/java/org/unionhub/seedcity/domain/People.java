package org.unionhub.seedcity.domain;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.unionhub.common.IdNumber;

/**
 * The city's workers, person by person from an index: a name, a resident identity number (GB 11643) and a mobile
 * number, the same for the same seed and index. Numbers are unique by construction, not by luck: the index goes
 * through a fixed permutation of all (address code, birth date, sequence) triples, and another of all (prefix, eight
 * digits) pairs, so that no two people share either however many there are (up to hundreds of millions). Birth dates
 * run from 1963 to 2001: everyone is at least 16 from the pilot's first day on.
 */
public final class People {

    /** A worker: name, identity number and mobile number in clear (membership encrypts them). */
    public record Person(String name, String idNumber, String phone) {
    }

    /**
     * A worker applying at a stall: a gig worker names an occupation (and becomes a mobile member of the street's
     * joint union), anyone else an employer.
     */
    public record Applicant(Person person, String occupation, String employerName) {
    }

    private static final String[] GIG_OCCUPATIONS = {"COURIER", "FOOD_DELIVERY_RIDER", "RIDE_HAILING_DRIVER",
        "TRUCK_DRIVER", "DOMESTIC_WORKER"};
    private static final double[] GIG_SHARES = {0.3, 0.35, 0.15, 0.1, 0.1};
    private static final double GIG_SHARE = 0.3;

    /** Beijing's districts, then the places most of the city's workers come from. */
    private static final String[] ADDRESS_CODES = {
        "110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112", "110113",
        "110114", "110115", "110116", "110117", "110118", "110119", "120101", "120104", "130102", "130104",
        "130124", "130425", "130632", "131082", "131121", "140105", "140202", "150102", "210102", "220102",
        "230102", "320102", "330102", "340102", "341202", "350102", "360102", "370102", "371302", "410102",
        "411302", "412702", "420102", "430102", "440103", "450102", "500101", "510104", "511302", "520102",
        "530102", "610102", "620102", "630102", "640104", "650102", "131002", "130982", "372901", "411502",
    };
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1963, 1, 1);
    private static final int BIRTH_DAYS = (int) (LocalDate.of(2001, 12, 31).toEpochDay() - FIRST_BIRTH.toEpochDay()) + 1;
    private static final long ID_SPACE = (long) ADDRESS_CODES.length * BIRTH_DAYS * 1000;
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185",
        "186", "187", "188", "189", "198", "199",
    };
    private static final long PHONE_SPACE = MOBILE_PREFIXES.length * 100_000_000L;
    /** Primes that share no factor with either space, so that multiplying by them permutes it. */
    private static final long ID_STEP = 1_000_003L;
    private static final long PHONE_STEP = 998_244_353L;

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            + "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国峰亮成志海东晨博文彬";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂丹萍红梅琳雪倩婷颖慧晶莉月欣悦佳蕾璐瑶琪洁蓉露岚菲茜媛";

    private final long seed;
    private final long idOffset;
    private final long phoneOffset;

    public People(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        this.idOffset = random.nextLong(ID_SPACE);
        this.phoneOffset = random.nextLong(PHONE_SPACE);
    }

    public Person person(long index) {
        String id = idNumber(index);
        int sexDigit = id.charAt(16) - '0';
        return new Person(name(index, sexDigit % 2 == 1), id, phone(index));
    }

    /** The person at {@code index} as an applicant: three in ten are gig workers. */
    public Applicant applicant(long index) {
        SplittableRandom random = new SplittableRandom(seed * 17 + index);
        if (random.nextDouble() < GIG_SHARE) {
            double u = random.nextDouble();
            int k = 0;
            while (k < GIG_SHARES.length - 1 && (u -= GIG_SHARES[k]) >= 0) {
                k++;
            }
            return new Applicant(person(index), GIG_OCCUPATIONS[k], null);
        }
        return new Applicant(person(index), null, Employers.name(Employers.industry(random), random));
    }

    /** The identity number of the person at {@code index}; distinct indexes give distinct numbers. */
    public String idNumber(long index) {
        long x = permuted(index, ID_STEP, idOffset, ID_SPACE);
        int address = (int) (x % ADDRESS_CODES.length);
        long rest = x / ADDRESS_CODES.length;
        LocalDate birth = FIRST_BIRTH.plusDays(rest % BIRTH_DAYS);
        long sequence = rest / BIRTH_DAYS;
        String first17 = ADDRESS_CODES[address] + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    /** The mobile number of the person at {@code index}; distinct indexes give distinct numbers. */
    public String phone(long index) {
        long x = permuted(index, PHONE_STEP, phoneOffset, PHONE_SPACE);
        return MOBILE_PREFIXES[(int) (x % MOBILE_PREFIXES.length)]
                + String.format("%08d", x / MOBILE_PREFIXES.length);
    }

    /** A plausible Chinese name: a common surname and one or two given characters fitting the sex. */
    public String name(long index, boolean male) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        return name(random, male);
    }

    /** A name drawn from {@code random}, for staff, chairs and the people met at enterprises. */
    public static String name(SplittableRandom random, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(surname(random)));
        name.append(given.charAt(random.nextInt(given.length())));
        if (random.nextDouble() < 0.7) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }

    /** Common surnames are much more common: the first ten are drawn about half the time. */
    private static int surname(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (SURNAMES.length() * u * u * u);
    }

    /** {@code (index × step + offset) mod space}: a permutation of [0, space) since step and space are coprime. */
    private static long permuted(long index, long step, long offset, long space) {
        if (index < 0 || index >= space) {
            throw new IllegalArgumentException("Person index " + index + " out of range");
        }
        return Math.floorMod(Math.multiplyExact(index, step) % space + offset, space);
    }
}
