package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 10: uploaded need lists are deleted after processing by the retention setting
 * ({@code wushe.community.imports.retention}, here 2 seconds, checked every second by the scheduled job):
 * the stored bytes of a finished import and of a draft go, the import with its counts and report stays,
 * a draft whose file is gone answers 410 Gone. Its own context, closed after the class, so that the short
 * retention touches no other class's files.
 */
@TestPropertySource(
        properties = {"wushe.community.imports.retention=PT2S", "wushe.community.imports.retention-check=PT1S"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportRetentionTest extends ServiceScenario {

    private static final List<String> ZH = List.of("社区", "类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间");

    @Test
    void importFilesAreDeletedAfterTheRetentionTheImportAndItsReportStay() {
        Place place = communityWithStation();
        Http clerk = as(communityStaff("sq-retention", place.community()));
        Instant start = daysAhead(4);
        String end = start.plus(1, ChronoUnit.HOURS).toString();
        byte[] file = NeedLists.xlsx(
                ZH,
                List.of(
                        List.of(place.community().toString(), "上门维修", "立即", "高龄老人", "门锁", start.toString(), end),
                        List.of(place.community().toString(), "修飞机", "常规", "独居老人", "送餐", start.toString(), end)));

        Http.Response upload = clerk.upload("/imports", "清单.xlsx", file);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        Http.Response draft = clerk.upload(
                "/imports/drafts",
                "草稿.xlsx",
                NeedLists.xlsx(
                        ZH,
                        List.of(List.of(
                                place.community().toString(), "助餐", "常规", "独居老人", "送饭", start.toString(), end))));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String draftId = draft.json().get("id").asText();
        assertThat(clerk.get("/imports/drafts/" + draftId).status()).isEqualTo(200);

        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                        "SELECT content_enc IS NULL AND content_deleted_at IS NOT NULL FROM import_job "
                                + "WHERE id = ?::uuid",
                        Boolean.class,
                        id));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                        "SELECT content_enc IS NULL AND content_deleted_at IS NOT NULL FROM import_draft "
                                + "WHERE id = ?::uuid",
                        Boolean.class,
                        draftId));

        JsonNode job = clerk.get("/imports/" + id).json();
        assertThat(job.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("published").asInt()).isEqualTo(1);
        assertThat(job.get("rejected").asInt()).isEqualTo(1);
        assertThat(clerk.get("/imports/" + id + "/rejections.csv").text()).contains("类别");
        // The same file again is still that import: nothing is published twice.
        assertThat(clerk.upload("/imports", "again.xlsx", file).json().get("id").asText())
                .isEqualTo(id);

        Http.Response gone = clerk.get("/imports/drafts/" + draftId);
        assertThat(gone.status()).as(gone.text()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.problemField()).isEqualTo("id");
    }
}
