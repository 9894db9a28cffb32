package org.wushe.hub.community.needimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.need.NeedDraft;
import org.wushe.hub.community.need.NeedReferences;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.need.Violation;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.station.Station;

/**
 * Resolves what a row names (community, station and grid by name or id, resident by 居民编号) and runs
 * the need's rules, reporting every problem against the column that holds the value. An import by
 * community staff publishes rows of their community only: a row naming another is rejected against the
 * community column, and nothing else of that community (its stations, grids, residents) is looked up.
 */
final class RowResolver {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A row that may be published, or its problems. */
    record Outcome(int row, NeedService.Checked checked, List<NeedRowParser.RowProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final NeedService needs;
    private final NeedReferences refs;
    private final NeedRowParser.Layout layout;
    private final UUID onlyCommunity;
    private final NeedRowParser.Options options;

    /** @param onlyCommunity the one community whose rows may be published, or null for any */
    RowResolver(NeedService needs, NeedReferences refs, NeedRowParser.Layout layout, UUID onlyCommunity) {
        this(needs, refs, layout, onlyCommunity, NeedRowParser.Options.STRICT);
    }

    /**
     * @param onlyCommunity the one community whose rows may be published, or null for any; with
     *                      {@link NeedRowParser.Options#communityImplied} also the community of a row that names none
     */
    RowResolver(
            NeedService needs,
            NeedReferences refs,
            NeedRowParser.Layout layout,
            UUID onlyCommunity,
            NeedRowParser.Options options) {
        this.needs = needs;
        this.refs = refs;
        this.layout = layout;
        this.onlyCommunity = onlyCommunity;
        this.options = options;
    }

    Outcome resolve(SpreadsheetReader.SheetRow sheetRow) {
        NeedRowParser.Parsed parsed = NeedRowParser.parse(sheetRow, layout, options);
        NeedRowParser.RowInput in = parsed.input();
        List<NeedRowParser.RowProblem> problems = new ArrayList<>(parsed.problems());
        int row = in.row();
        Community community = null;
        if (in.community() != null) {
            community = community(in.community(), row, problems);
            if (community != null && onlyCommunity != null && !community.id().equals(onlyCommunity)) {
                problems.add(problem(
                        row,
                        ImportColumn.COMMUNITY,
                        "只能导入本社区的需求 not your community: community staff import needs for their own community only"));
                community = null;
            }
        } else if (options.communityImplied() && onlyCommunity != null) {
            community = refs.community(onlyCommunity).orElse(null);
            if (community == null) {
                problems.add(problem(row, ImportColumn.COMMUNITY, "社区不存在 no community with this id"));
            }
        }
        UUID station = null;
        UUID grid = null;
        UUID resident = null;
        if (community != null) {
            station = station(community, in.station(), row, problems);
            grid = grid(community, in.grid(), row, problems);
            resident = resident(community, in.residentNumber(), row, problems);
        }
        // The rules run even when a cell was unreadable, so that one upload reports every problem of the row.
        NeedDraft draft = new NeedDraft(
                community == null ? null : community.id(),
                station,
                grid,
                resident,
                in.source(),
                in.category(),
                in.urgency(),
                in.beneficiaryGroup(),
                in.beneficiaryCount(),
                in.title(),
                in.geohash(),
                in.start(),
                in.end(),
                in.quantity(),
                in.unit(),
                in.skills(),
                in.languages(),
                in.estimatedMinutes());
        NeedService.Checked checked = needs.check(draft, refs);
        for (Violation v : checked.violations()) {
            ImportColumn column = ImportColumn.forField(v.field()).orElse(ImportColumn.TITLE);
            if (problems.stream().noneMatch(p -> p.column().equals(layout.header(column)))) {
                problems.add(
                        new NeedRowParser.RowProblem(row, layout.header(column), chineseFirst(column, v.message())));
            }
        }
        return new Outcome(row, checked, problems);
    }

    private Community community(String text, int row, List<NeedRowParser.RowProblem> problems) {
        if (UUID_SHAPE.matcher(text).matches()) {
            Optional<Community> c = refs.community(UUID.fromString(text));
            if (c.isEmpty()) {
                problems.add(problem(row, ImportColumn.COMMUNITY, "社区不存在 no community with this id"));
            }
            return c.orElse(null);
        }
        List<Community> named = refs.communitiesNamed(text);
        if (named.isEmpty()) {
            problems.add(problem(
                    row, ImportColumn.COMMUNITY, "社区不存在 unknown community: register it first, or check the spelling"));
            return null;
        }
        if (named.size() > 1) {
            problems.add(problem(
                    row,
                    ImportColumn.COMMUNITY,
                    "社区重名 " + named.size() + " communities have this name: write the community id"));
            return null;
        }
        return named.get(0);
    }

    private UUID station(Community community, String text, int row, List<NeedRowParser.RowProblem> problems) {
        if (text == null) {
            // The only station serving the community is the need service's to take (or to report missing). Of
            // several, the community's own community station decides, when it has exactly one.
            List<Station> serving = refs.stationsServing(community.id());
            List<Station> own = serving.stream()
                    .filter(st -> community.id().equals(st.communityId()))
                    .toList();
            return serving.size() > 1 && own.size() == 1 ? own.get(0).id() : null;
        }
        if (UUID_SHAPE.matcher(text).matches()) {
            return UUID.fromString(text);
        }
        List<Station> serving = refs.stationsServing(community.id());
        Optional<Station> s =
                serving.stream().filter(st -> st.name().equals(text)).findFirst();
        if (s.isEmpty()) {
            problems.add(
                    problem(row, ImportColumn.STATION, "站点不存在或不服务该社区 no station of this name serves the community"));
            return null;
        }
        return s.get().id();
    }

    private UUID grid(Community community, String text, int row, List<NeedRowParser.RowProblem> problems) {
        if (text == null) {
            return null;
        }
        if (UUID_SHAPE.matcher(text).matches()) {
            return UUID.fromString(text);
        }
        Optional<Grid> g = refs.gridNamed(community.id(), text);
        if (g.isEmpty()) {
            problems.add(problem(row, ImportColumn.GRID, "网格不存在 the community has no grid of this name"));
            return null;
        }
        return g.get().id();
    }

    private UUID resident(Community community, String number, int row, List<NeedRowParser.RowProblem> problems) {
        if (number == null) {
            return null;
        }
        Optional<ResidentService.Pseudonym> p = refs.residentNumbered(community.id(), number);
        if (p.isEmpty()) {
            problems.add(problem(
                    row, ImportColumn.RESIDENT_NUMBER, "居民编号不存在 no resident with this number in the community"));
            return null;
        }
        return p.get().residentId();
    }

    /** A rule's message as the report words it: Chinese first (the column's Chinese header and 有误 when the rule says it in English only). */
    static String chineseFirst(ImportColumn column, String message) {
        if (message.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return message;
        }
        return column.header(ImportColumn.Language.zh) + "有误 " + column.field() + " " + message;
    }

    private NeedRowParser.RowProblem problem(int row, ImportColumn column, String reason) {
        return new NeedRowParser.RowProblem(row, layout.header(column), reason);
    }
}
