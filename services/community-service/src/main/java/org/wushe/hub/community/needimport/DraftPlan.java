package org.wushe.hub.community.needimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a draft's rows are read: the columns mapped to need fields (automatically or by hand) and the
 * values fixed in place laid over the file's cells. A field no column fills still has a place in the
 * layout (after the sheet's own columns), so that a value fixed in place for it is read like a cell.
 * Pure: the same plan serves the preview and the worker that publishes the draft.
 */
public final class DraftPlan {

    private DraftPlan() {}

    /** The layout and the rows with the fixes applied. */
    public record Plan(NeedRowParser.Layout layout, List<SpreadsheetReader.SheetRow> rows) {}

    /**
     * Maps each header to a field: first as this community mapped that header before ({@code remembered},
     * header key → field, {@code ""} for a header it ignores), then by the words clerks use
     * ({@link ImportColumn#forHeader}). A field goes to its first column only.
     */
    public static Map<Integer, ImportDraft.Column> autoMap(List<String> headers, Map<String, String> remembered) {
        Map<Integer, ImportDraft.Column> mapped = new TreeMap<>();
        Set<ImportColumn> taken = EnumSet.noneOf(ImportColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            String key = ImportColumn.key(headers.get(i));
            if (remembered.containsKey(key)) {
                ImportColumn c = ImportColumn.forFieldName(remembered.get(key)).orElse(null);
                if (c != null && taken.add(c)) {
                    mapped.put(i, new ImportDraft.Column(c, ImportDraft.Source.REMEMBERED));
                }
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (mapped.containsKey(i) || remembered.containsKey(ImportColumn.key(headers.get(i)))) {
                continue;
            }
            ImportColumn c = ImportColumn.forHeader(headers.get(i)).orElse(null);
            if (c != null && taken.add(c)) {
                mapped.put(i, new ImportDraft.Column(c, ImportDraft.Source.SYNONYM));
            }
        }
        return mapped;
    }

    /** The fields a draft must fill: the template's required ones, but the start (now when none) and the community when implied. */
    public static List<ImportColumn> required(boolean communityImplied) {
        List<ImportColumn> required = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && c != ImportColumn.START && !(c == ImportColumn.COMMUNITY && communityImplied)) {
                required.add(c);
            }
        }
        return required;
    }

    /**
     * @param columns column position → field
     * @param fixes   row number → field → the value typed in its place (blank: the cell is emptied)
     */
    public static Plan of(
            List<String> headers,
            List<SpreadsheetReader.SheetRow> rows,
            Map<Integer, ImportDraft.Column> columns,
            Map<Integer, Map<ImportColumn, String>> fixes) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> spelled = new EnumMap<>(ImportColumn.class);
        boolean chinese = false;
        for (Map.Entry<Integer, ImportDraft.Column> e : columns.entrySet()) {
            String header =
                    e.getKey() < headers.size() ? headers.get(e.getKey()).strip() : "";
            index.put(e.getValue().column(), e.getKey());
            if (!header.isEmpty()) {
                spelled.put(e.getValue().column(), header);
            }
            chinese |=
                    header.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }
        if (columns.isEmpty()) {
            chinese = headers.stream()
                    .anyMatch(h -> h.codePoints()
                            .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        }
        int width = headers.size();
        for (ImportColumn c : ImportColumn.values()) {
            index.putIfAbsent(c, width + c.ordinal());
        }
        int fullWidth = width + ImportColumn.values().length;
        List<SpreadsheetReader.SheetRow> laid = new ArrayList<>(rows.size());
        for (SpreadsheetReader.SheetRow row : rows) {
            Map<ImportColumn, String> fixed = fixes.get(row.number());
            if (fixed == null || fixed.isEmpty()) {
                laid.add(row);
                continue;
            }
            List<String> cells = new ArrayList<>(row.cells());
            while (cells.size() < fullWidth) {
                cells.add("");
            }
            fixed.forEach((c, v) -> cells.set(index.get(c), v == null ? "" : v));
            laid.add(new SpreadsheetReader.SheetRow(row.number(), cells));
        }
        NeedRowParser.Layout layout =
                new NeedRowParser.Layout(index, spelled, chinese ? ImportColumn.Language.zh : ImportColumn.Language.en);
        return new Plan(layout, laid);
    }
}
