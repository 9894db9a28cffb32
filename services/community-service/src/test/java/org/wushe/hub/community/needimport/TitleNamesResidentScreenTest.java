package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The "title names its resident" screen answers only those who may see the resident: through the import
 * wizard the hub admin (who sees no resident) gets the same answer for a resident's name as for any other
 * name, so a rejection no longer tells whether a string is a resident's name; the community's own staff are
 * still stopped from publishing their resident's name. Phone-like digits are refused for everyone by shape.
 * Only drafts here: nothing is published (the all-topics privacy scan would find the name).
 */
class TitleNamesResidentScreenTest extends ServiceScenario {

    private static final List<String> HEADERS = List.of("标题", "紧急程度", "类别", "服务对象", "截止日期", "居民编号");

    @Test
    void whetherATitleNamesAResidentIsAnsweredOnlyToThoseWhoMaySeeTheResident() {
        Place a = communityWithStation();
        People.Person p = People.next();
        registerResident(a.community(), p, "TN-1");
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("帮" + p.name() + "修门锁", "一般", "上门维修", "独居老人", day, "TN-1"));
        rows.add(List.of("帮欧阳某某修门锁", "一般", "上门维修", "独居老人", day, "TN-1"));
        rows.add(List.of("修门锁 电话13912345678", "一般", "上门维修", "独居老人", day, "TN-1"));
        byte[] file = NeedLists.xlsx(HEADERS, rows);

        // The hub admin: the resident's name and a made-up one get the same answer; the phone is refused by shape.
        Http.Response admin = http().upload("/imports/drafts?communityId=" + a.community(), "admin.xlsx", file);
        assertThat(admin.status()).as(admin.text()).isEqualTo(201);
        JsonNode adminRows = admin.json().get("rows");
        assertThat(adminRows.get(0).get("ok").asBoolean())
                .as(adminRows.get(0).toString())
                .isEqualTo(adminRows.get(1).get("ok").asBoolean());
        assertThat(adminRows.get(0).get("problems").toString())
                .isEqualTo(adminRows.get(1).get("problems").toString());
        assertThat(adminRows.get(0).get("ok").asBoolean()).isTrue();
        assertThat(titleProblem(adminRows.get(2))).contains("电话");

        // The community's own staff may see the resident: their draft still stops the name (and the phone).
        Http.Response clerk =
                as(communityStaff("sq-title-a", a.community())).upload("/imports/drafts", "clerk.xlsx", file);
        assertThat(clerk.status()).as(clerk.text()).isEqualTo(201);
        JsonNode clerkRows = clerk.json().get("rows");
        assertThat(clerkRows.get(0).get("ok").asBoolean()).isFalse();
        assertThat(titleProblem(clerkRows.get(0))).contains("resident's name");
        assertThat(clerkRows.get(1).get("ok").asBoolean())
                .as(clerkRows.get(1).toString())
                .isTrue();
        assertThat(titleProblem(clerkRows.get(2))).contains("电话");
        assertThat(clerk.text()).doesNotContain(p.phone());
    }

    private static String titleProblem(JsonNode row) {
        StringBuilder sb = new StringBuilder();
        row.get("problems").forEach(pr -> {
            if ("title".equals(pr.get("field").asText())) {
                sb.append(pr.get("reason").asText());
            }
        });
        return sb.toString();
    }
}
