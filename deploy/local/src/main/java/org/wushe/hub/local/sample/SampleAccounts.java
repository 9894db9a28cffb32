package org.wushe.hub.local.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample town's people who sign in, one or more per role, made at the hub's issuer
 * ({@code POST /accounts}) once the town is loaded, all with the password {@value #PASSWORD}:
 * {@code centre} (centre manager), {@code station-1…} (each station's staff), {@code community-1…},
 * {@code org-1…3}, {@code donor-1…3}, {@code worker-1…3} (social workers), {@code volunteer-1…3}.
 * The list, with whose data each may see, is written to {@code <data-dir>/sample-town/accounts.txt}.
 */
final class SampleAccounts {

    /** The sample accounts' password: a demo town's, never a real one. */
    static final String PASSWORD = "wushe-demo";
    private static final int PER_KIND = 3;

    record Made(String username, String role, String claim, String tenant, String displayName) {
    }

    private SampleAccounts() {
    }

    static List<Made> create(Rest rest, SampleTown.Endpoints api, SampleTown.State state, Path dir) {
        List<Made> plan = new ArrayList<>();
        plan.add(new Made("centre", "centre_manager", "centre_id", state.centreId(), "中心负责人 Centre manager"));
        int n = 0;
        for (String station : new LinkedHashSet<>(state.communities().stream().map(SampleTown.CommunityRef::stationId).toList())) {
            n++;
            plan.add(new Made("station-" + n, "station_staff", "station_id", station, "站点工作人员 " + n + " Station staff"));
        }
        n = 0;
        for (SampleTown.CommunityRef c : state.communities()) {
            n++;
            plan.add(new Made("community-" + n, "community_staff", "community_id", c.id(), c.name() + " 社区工作人员 Community staff"));
        }
        addFirst(plan, rest.tryGet(api.organization() + "/organizations"), "org", "organization_staff", "organization_id", "社会组织工作人员 Organization staff");
        addFirst(plan, rest.tryGet(api.resource() + "/donors?limit=" + PER_KIND), "donor", "donor_staff", "donor_id", "捐赠方工作人员 Donor staff");
        addFirst(plan, rest.tryGet(api.socialWorker() + "/social-workers"), "worker", "social_worker", "social_worker_id", "社会工作者 Social worker");
        addFirst(plan, rest.tryGet(api.volunteer() + "/volunteers"), "volunteer", "volunteer", "volunteer_id", "志愿者 Volunteer");

        List<CompletableFuture<JsonNode>> posted = new ArrayList<>();
        for (Made m : plan) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", m.username());
            body.put("password", PASSWORD);
            body.put("displayName", m.displayName());
            body.put("roles", List.of(m.role()));
            body.put("tenancy", Map.of(m.claim(), m.tenant()));
            posted.add(rest.post(api.auth() + "/accounts", body));
        }
        posted.forEach(Rest::join);
        write(dir.resolve("accounts.txt"), plan);
        return plan;
    }

    private static void addFirst(List<Made> plan, JsonNode list, String prefix, String role, String claim, String label) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < Math.min(PER_KIND, list.size()); i++) {
            JsonNode item = list.get(i);
            plan.add(new Made(prefix + "-" + (i + 1), role, claim, item.path("id").asText(),
                    item.path("name").asText(prefix) + " · " + label));
        }
    }

    private static void write(Path file, List<Made> made) {
        StringBuilder s = new StringBuilder("# Sample sign-in accounts 示例登录账号 (password 密码: " + PASSWORD + ")\n");
        for (Made m : made) {
            s.append(String.format("%-14s %-20s %s=%s  %s%n", m.username(), m.role(), m.claim(), m.tenant(), m.displayName()));
        }
        try {
            Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
