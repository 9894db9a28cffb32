package org.wushe.hub.matching.push;

/** One person already holds as many open streams as they may: answered with 429 and a problem naming the limit. */
public class TooManyStreamsException extends RuntimeException {

    private final String person;
    private final int limit;

    public TooManyStreamsException(String person, int limit) {
        super(person + " already has " + limit
                + " live streams open, the most one person may (wushe.matching.max-streams-per-person);"
                + " close one first 实时推送已达上限 " + limit + " 个，请先关闭一个");
        this.person = person;
        this.limit = limit;
    }

    public String person() {
        return person;
    }

    public int limit() {
        return limit;
    }
}
