package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.ZONE;
import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.wushe.hub.sample.SampleTown.CommunityRef;
import org.wushe.hub.sample.SampleTown.ResidentRef;

/**
 * 居民 The residents of the communities' registers, at community-service: synthetic names, phones, ID
 * numbers and addresses ({@link People}), and the flags registers keep (独居, 高龄, 孤寡, 残疾, 困境儿童, 低保,
 * 新市民, 外籍). The needs that name them are drawn in {@link Needs}.
 */
final class Residents {

    private final Rest rest;
    private final SampleTown.Endpoints api;

    Residents(Rest rest, SampleTown.Endpoints api) {
        this.rest = rest;
        this.api = api;
    }

    /** The residents registered, the flagged ones kept for the needs, cases and visits that name them. */
    record Registered(List<ResidentRef> flagged, int unflagged, Map<String, Integer> flags) {}

    /** {@code total} residents over the communities (with their grids), weighted to the communities' populations. */
    Registered register(Random r, List<CommunityRef> refs, int total) {
        List<ResidentRef> flagged = new ArrayList<>();
        int unflagged = 0;
        Map<String, Integer> flags = new TreeMap<>();
        // Residents: weighted to the communities' populations; personal data synthetic, flags as registers keep them.
        int population =
                Town.COMMUNITIES.stream().mapToInt(Town.Community::population).sum();
        Set<String> ids = new HashSet<>();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<Object[]> meta = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        int n = 0;
        for (int i = 0; i < refs.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            int here =
                    i == refs.size() - 1 ? total - n : (int) Math.round((double) total * c.population() / population);
            n += here;
            for (int k = 0; k < here; k++) {
                Resident p = resident(r, c, today, ids);
                String grid =
                        refs.get(i).grids().get(r.nextInt(refs.get(i).grids().size()));
                Map<String, Object> b = body(
                        "communityId",
                        refs.get(i).id(),
                        "gridId",
                        grid,
                        "residentNumber",
                        String.format("YS%02d-%04d", i + 1, k + 1),
                        "name",
                        p.name,
                        "phone",
                        p.phone,
                        "idNumber",
                        p.idNumber,
                        "address",
                        p.address,
                        "flags",
                        p.flags);
                calls.add(rest.post(api.community() + "/residents", b));
                meta.add(new Object[] {i, grid, p.group});
                for (String f : p.flags) {
                    flags.merge(f, 1, Integer::sum);
                }
            }
        }
        List<JsonNode> answers = Rest.all(calls);
        for (int k = 0; k < answers.size(); k++) {
            Object[] m = meta.get(k);
            if (m[2] == null) {
                unflagged++;
            } else {
                flagged.add(new ResidentRef(
                        answers.get(k).get("id").asText(),
                        answers.get(k).get("residentRef").asText(),
                        (Integer) m[0],
                        (String) m[1],
                        (String) m[2]));
            }
        }
        return new Registered(flagged, unflagged, flags);
    }

    private static final class Resident {
        String name;
        String phone;
        String idNumber;
        String address;
        List<String> flags = new ArrayList<>();
        String group;
    }

    private static Resident resident(Random r, Town.Community c, LocalDate today, Set<String> ids) {
        Resident p = new Resident();
        // Residents the community keeps records of lean old: that is whom the work is for.
        double x = r.nextDouble();
        int age = x < 0.42 ? 60 + r.nextInt(36) : x < 0.55 ? 5 + r.nextInt(13) : 18 + r.nextInt(42);
        boolean male = r.nextBoolean();
        boolean foreign = age >= 18 && r.nextDouble() < 0.012;
        boolean newcomer = !foreign && age >= 18 && age < 60 && r.nextDouble() < 0.12;
        LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
        p.name = foreign ? People.foreignName(r) : People.name(r, birth.getYear(), male);
        p.phone = age >= 70 && r.nextDouble() < 0.35 ? People.landline(r) : People.mobile(r);
        p.idNumber = foreign ? null : People.idNumber(r, birth, male, newcomer, ids);
        p.address = c.rural()
                ? c.name() + (1 + r.nextInt(12)) + "巷" + (1 + r.nextInt(60)) + "号"
                : c.name().replace("社区", "") + (1 + r.nextInt(18)) + "号楼" + (1 + r.nextInt(4)) + "单元"
                        + (1 + r.nextInt(6)) + "0" + (1 + r.nextInt(4));
        if (age >= 60) {
            if (r.nextDouble() < 0.22) {
                p.flags.add("ELDERLY_ALONE");
            }
            if (age >= 80) {
                p.flags.add("VERY_OLD");
            }
            if (r.nextDouble() < 0.03) {
                p.flags.add("CHILDLESS_ELDERLY");
            }
        }
        if (age >= 5 && age <= 14 && r.nextDouble() < 0.18) {
            p.flags.add("CHILD_IN_HARDSHIP");
        }
        if (r.nextDouble() < 0.05) {
            p.flags.add("DISABLED");
        }
        if (r.nextDouble() < 0.07) {
            p.flags.add("LOW_INCOME");
        }
        if (newcomer) {
            p.flags.add("NEWCOMER");
        }
        if (foreign) {
            p.flags.add("FOREIGN_RESIDENT");
        }
        p.group = p.flags.isEmpty() ? null : group(p.flags.get(0));
        return p;
    }

    /** The beneficiary group of a resident's first flag. */
    private static String group(String flag) {
        return flag.equals("LOW_INCOME") ? "LOW_INCOME_FAMILY" : flag;
    }
}
