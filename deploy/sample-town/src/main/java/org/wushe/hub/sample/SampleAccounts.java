package org.wushe.hub.sample;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The sample town's people who sign in, one or more per role, made at the hub's issuer
 * ({@code POST /accounts}) once the town is loaded, each with a password of its own:
 * {@code centre} (centre manager), {@code station-1…} (each station's staff), {@code community-1…},
 * {@code grid-1…} (a grid worker, 网格员, for each grid of each community, in the communities' order),
 * {@code org-1…3}, {@code donor-1…3}, {@code worker-1…3} (social workers), {@code volunteer-1…3}.
 * The list, with whose data each may see, is written to {@code <data-dir>/sample-town/accounts.txt}; the passwords
 * to {@value #PASSWORDS_FILE} beside it, mode 0600, and nowhere else. Accounts without resident access get a password
 * generated here; the centre manager's, the stations', the communities' and the grid workers' are requests under the issuer's two-person
 * rule, approved by the hub's bootstrap (recorded as such in the issuer's audit trail, not as a second person), whose
 * answer carries the password the issuer generated.
 */
final class SampleAccounts {

    /** The file, in {@code <data-dir>/sample-town/}, with each sample account's password (mode 0600). */
    static final String PASSWORDS_FILE = "passwords.txt";

    private static final int PER_KIND = 3;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    record Made(String username, String role, String claim, String tenant, String displayName) {}

    private SampleAccounts() {}

    static List<Made> create(Rest rest, SampleTown.Endpoints api, SampleTown.State state, Path dir) {
        List<Made> plan = new ArrayList<>();
        plan.add(new Made("centre", "centre_manager", "centre_id", state.centreId(), "中心负责人 Centre manager"));
        int n = 0;
        for (String station : new LinkedHashSet<>(state.communities().stream()
                .map(SampleTown.CommunityRef::stationId)
                .toList())) {
            n++;
            plan.add(
                    new Made("station-" + n, "station_staff", "station_id", station, "站点工作人员 " + n + " Station staff"));
        }
        n = 0;
        for (SampleTown.CommunityRef c : state.communities()) {
            n++;
            plan.add(new Made(
                    "community-" + n, "community_staff", "community_id", c.id(), c.name() + " 社区工作人员 Community staff"));
        }
        n = 0;
        for (SampleTown.CommunityRef c : state.communities()) {
            for (int g = 0; g < c.grids().size(); g++) {
                n++;
                String grid = g < Town.GRID_NAMES.length ? Town.GRID_NAMES[g] : "网格" + (g + 1);
                plan.add(new Made(
                        "grid-" + n, "grid_worker", "grid_id", c.grids().get(g), c.name() + grid + " 网格员 Grid worker"));
            }
        }
        addFirst(
                plan,
                rest.tryGet(api.organization() + "/organizations"),
                "org",
                "organization_staff",
                "organization_id",
                "社会组织工作人员 Organization staff");
        addFirst(
                plan,
                rest.tryGet(api.resource() + "/donors?limit=" + PER_KIND),
                "donor",
                "donor_staff",
                "donor_id",
                "捐赠方工作人员 Donor staff");
        addFirst(
                plan,
                rest.tryGet(api.socialWorker() + "/social-workers"),
                "worker",
                "social_worker",
                "social_worker_id",
                "社会工作者 Social worker");
        addFirst(
                plan,
                rest.tryGet(api.volunteer() + "/volunteers"),
                "volunteer",
                "volunteer",
                "volunteer_id",
                "志愿者 Volunteer");

        List<CompletableFuture<JsonNode>> posted = new ArrayList<>();
        List<String> passwords = new ArrayList<>();
        for (Made m : plan) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", m.username());
            boolean twoPersons = SECOND_PERSON_ROLES.contains(m.role());
            String password = twoPersons ? null : password();
            if (!twoPersons) {
                body.put("password", password);
            }
            body.put("displayName", m.displayName());
            body.put("roles", List.of(m.role()));
            body.put("tenancy", Map.of(m.claim(), m.tenant()));
            if (twoPersons && !"centre_manager".equals(m.role())) {
                body.put("centreId", state.centreId());
            }
            passwords.add(password);
            posted.add(rest.post(api.auth() + "/accounts", body));
        }
        StringBuilder file = new StringBuilder(
                "# Sample sign-in accounts' passwords 示例账号密码 (username password); keep this file private\n");
        for (int i = 0; i < plan.size(); i++) {
            JsonNode answer = Rest.join(posted.get(i));
            String password = passwords.get(i) != null
                    ? passwords.get(i)
                    : answer == null ? "" : answer.path("password").asText("");
            file.append(plan.get(i).username())
                    .append(' ')
                    .append(
                            password.isEmpty()
                                    ? "(awaiting a second person's approval: request "
                                            + (answer == null
                                                    ? "?"
                                                    : answer.path("id").asText("?")) + ")"
                                    : password)
                    .append('\n');
        }
        writePrivate(dir.resolve(PASSWORDS_FILE), file.toString());
        write(dir.resolve("accounts.txt"), plan);
        return plan;
    }

    /** Roles under the issuer's two-person rule: their passwords are generated by the issuer when approved. */
    private static final java.util.Set<String> SECOND_PERSON_ROLES =
            java.util.Set.of("station_staff", "community_staff", "grid_worker", "centre_manager", "hub_admin");

    private static String password() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivate(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "passwords", ".tmp");
            try {
                Files.setPosixFilePermissions(
                        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void addFirst(
            List<Made> plan, JsonNode list, String prefix, String role, String claim, String label) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < Math.min(PER_KIND, list.size()); i++) {
            JsonNode item = list.get(i);
            plan.add(new Made(
                    prefix + "-" + (i + 1),
                    role,
                    claim,
                    item.path("id").asText(),
                    item.path("name").asText(prefix) + " · " + label));
        }
    }

    private static void write(Path file, List<Made> made) {
        StringBuilder s = new StringBuilder("# Sample sign-in accounts 示例登录账号 (passwords 密码: " + PASSWORDS_FILE
                + " beside this file, mode 0600)\n");
        for (Made m : made) {
            s.append(String.format(
                    "%-14s %-20s %s=%s  %s%n", m.username(), m.role(), m.claim(), m.tenant(), m.displayName()));
        }
        try {
            Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
