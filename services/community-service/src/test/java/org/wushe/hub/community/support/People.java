package org.wushe.hub.community.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.hub.platform.core.IdNumbers;

/**
 * Made-up residents with distinct, well-formed personal data (names, mobile numbers, ID numbers with
 * a valid check character), so that a test can look for exactly these strings on every topic.
 */
public final class People {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"秀英", "桂兰", "建国", "淑珍", "德明", "玉梅", "凤英", "志强", "春花", "国华", "振华", "丽娟"};
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

    public record Person(String name, String phone, String idNumber, String address) {}

    private People() {}

    private static final java.util.List<Person> MADE = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Everyone made so far in this JVM: what no topic may contain. */
    public static java.util.List<Person> all() {
        return java.util.List.copyOf(MADE);
    }

    public static Person next() {
        int n = SEQ.incrementAndGet();
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
        String phone = "139" + String.format("%08d", (n * 7919L) % 100_000_000L);
        String first17 = "110112" + String.format("%04d", 1930 + n % 60) + String.format("%02d", 1 + n % 12)
                + String.format("%02d", 1 + n % 28) + String.format("%03d", n % 1000);
        String id = first17 + IdNumbers.checkCharacter(first17);
        Person p =
                new Person(name, phone, id, "梨园镇大稿村" + (1 + n % 30) + "号楼" + (1 + n % 6) + "单元" + (101 + n % 20) + "室");
        MADE.add(p);
        return p;
    }
}
