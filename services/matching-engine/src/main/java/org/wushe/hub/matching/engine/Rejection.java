package org.wushe.hub.matching.engine;

/** Why a candidate the search examined was not proposed; counted to explain an empty result. */
enum Rejection {
    EXCLUDED("已被排除", "excluded"),
    KIND("资源类型不适用", "not a kind of offer this need uses"),
    SKILL("技能不符", "without the skills needed"),
    LANGUAGE("语言不通", "not speaking the language"),
    DISTANCE("超出距离", "too far"),
    COMMUNITY("不服务本社区", "not serving this community"),
    GROUP("面向其他人群", "meant for other groups"),
    LOAD("已满负荷", "at full load"),
    HOURS("超出每周服务时长上限", "over their weekly hours"),
    TIME("时间对不上", "not free in the window"),
    STOCK("库存或名额不足", "out of stock or places"),
    UNIT("计量单位不符", "in another unit"),
    EXPIRED("物资会先过期", "expiring before the need"),
    SCORE("得分低于门槛", "scoring below the threshold");

    final String zh;
    final String en;

    Rejection(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
