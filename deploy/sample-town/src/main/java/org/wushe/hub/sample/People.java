package org.wushe.hub.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.wushe.hub.platform.core.IdNumbers;

/**
 * Synthetic people: Chinese names from surname and given-name tables (given names by generation, as
 * names went in and out of fashion), phone numbers and resident ID numbers that have the right shape
 * and check character (GB 11643-1999) but belong to nobody.
 */
final class People {

    /** The commonest surnames first; drawn with weights falling along the list. */
    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
                    + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 "
                    + "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 孔 汤 欧阳 司马")
            .split(" ");

    private static final String[] OLD_MALE =
            ("建国 建华 国强 国庆 德明 志明 振华 文华 永胜 树林 长春 福贵 金山 宝山 广才 玉林 " + "德胜 有才 凤山 庆丰 守仁 振国 春生 秋生 成 海 军 明 林 山").split(" ");
    private static final String[] OLD_FEMALE =
            ("秀兰 桂英 淑珍 秀英 玉兰 凤英 桂兰 秀珍 玉珍 淑华 素芳 翠花 丽华 秀芳 桂芝 凤兰 " + "淑英 玉芬 春兰 桂珍 兰 英 珍 芳 淑兰 秀云").split(" ");
    private static final String[] MID_MALE =
            ("伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 海涛 志强 建军 晓东 海波 " + "立新 红兵 卫东 永强 志刚").split(" ");
    private static final String[] MID_FEMALE =
            ("丽 静 敏 燕 艳 娟 霞 芳 娜 丹 玲 萍 红 洁 琳 晓燕 丽娟 海燕 春梅 雪梅 " + "晓红 丽萍 红梅 秀梅 文静").split(" ");
    private static final String[] YOUNG_MALE =
            ("浩然 子轩 宇轩 浩宇 梓豪 俊杰 博文 子豪 天佑 皓轩 一鸣 宇航 泽宇 晨阳 子墨 " + "思远 明哲 嘉懿 铭轩 睿").split(" ");
    private static final String[] YOUNG_FEMALE =
            ("子涵 欣怡 梓涵 诗涵 雨涵 可馨 紫萱 梦琪 思彤 语桐 一诺 欣妍 雨彤 佳怡 若曦 " + "静怡 雨桐 梓萱 安琪 悦").split(" ");
    private static final String[] FOREIGN = {
        "Anna Müller",
        "John Smith",
        "Maria Garcia",
        "김민준",
        "田中ゆき",
        "Nguyen Van An",
        "Olga Petrova",
        "Ahmed Hassan",
        "Sarah Johnson",
        "박서연",
        "Luca Rossi",
        "Amara Diallo"
    };

    /** County codes (GB/T 2260) of birthplaces: Tongzhou first, other Beijing districts, then provinces newcomers come from. */
    private static final String[] LOCAL_REGIONS = {
        "110112", "110112", "110112", "110112", "110105", "110101", "110108", "110114"
    };

    private static final String[] OTHER_REGIONS = {
        "130181", "130283", "371302", "410823", "342401", "230102", "130682", "120221", "511381", "431021"
    };

    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158",
        "159", "176", "177", "180", "182", "183", "185", "186", "187", "188", "189", "198"
    };

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private People() {}

    /** A surname, weighted so that 王, 李 and 张 are common and 司马 rare. */
    static String surname(Random r) {
        // Weight 1/(rank+8): the head of the list is common, the tail still occurs.
        double total = 0;
        for (int i = 0; i < SURNAMES.length; i++) {
            total += 1.0 / (i + 8);
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < SURNAMES.length; i++) {
            x -= 1.0 / (i + 8);
            if (x <= 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    static String name(Random r, int birthYear, boolean male) {
        String[] given = birthYear < 1960
                ? (male ? OLD_MALE : OLD_FEMALE)
                : birthYear < 1992 ? (male ? MID_MALE : MID_FEMALE) : (male ? YOUNG_MALE : YOUNG_FEMALE);
        return surname(r) + given[r.nextInt(given.length)];
    }

    static String foreignName(Random r) {
        return FOREIGN[r.nextInt(FOREIGN.length)];
    }

    static String mobile(Random r) {
        return MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", r.nextInt(100_000_000));
    }

    /** A Tongzhou landline as elderly residents often give it, e.g. 010-69541234. */
    static String landline(Random r) {
        return "010-" + (r.nextBoolean() ? "6954" : "8950") + String.format("%04d", r.nextInt(10_000));
    }

    /**
     * An 18-character resident ID number: birthplace county, birth date, a sequence whose last digit is
     * odd for men and even for women, and the check character. {@code taken} keeps them unique.
     */
    static String idNumber(Random r, LocalDate birth, boolean male, boolean newcomer, Set<String> taken) {
        while (true) {
            String region = newcomer
                    ? OTHER_REGIONS[r.nextInt(OTHER_REGIONS.length)]
                    : LOCAL_REGIONS[r.nextInt(LOCAL_REGIONS.length)];
            int seq = r.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = region
                    + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + String.format("%03d", seq);
            String id = first17 + idCheck(first17);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    static char idCheck(String first17) {
        return IdNumbers.checkCharacter(first17);
    }

    /**
     * A unified social credit code (GB 32100-2015) with its check character: {@code department} and
     * {@code type} (e.g. 9 1 for a company, 5 1 a social group, 5 2 a private non-enterprise unit), the
     * Tongzhou county code, then nine characters drawn from {@code r}.
     */
    static String creditCode(Random r, char department, char type, Set<String> taken) {
        while (true) {
            StringBuilder b =
                    new StringBuilder().append(department).append(type).append("110112");
            for (int i = 0; i < 9; i++) {
                b.append(CREDIT_ALPHABET.charAt(r.nextInt(i < 8 ? 10 : CREDIT_ALPHABET.length())));
            }
            String first17 = b.toString();
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
            }
            String code = first17 + CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
            if (taken.add(code)) {
                return code;
            }
        }
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    @SafeVarargs
    static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
