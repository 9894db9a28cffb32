// The need-list import wizard's JSON, in one place. community-service's draft endpoints
// (/imports/drafts…) were being written while this was; the shapes below are what the wizard
// expects, read tolerantly (several spellings accepted) so that adjusting to the final API is one file.
//
// Checked against community-service's ImportDraftController (DraftView, RowView, ProblemView) as it was
// being written:
//   POST /imports/drafts (multipart "file") → 201 DraftView:
//     { id, fileName, communityId, state, importId, duplicateOf, headers: ["标题", …],
//       mapping: { "<header>": "<field>" | null },  columns: [{ index, header, field, source }],
//       fields: [{ name, zh, en, required, mapped }], unmappedRequired: [field], total, ready, withProblems,
//       rows: [{ row, ok, values: {field: parsed}, labels: {field: 中文}, cells: {field: "as read"},
//                problems: [{ row, column, field, reason }] }] }
//   PUT  /imports/drafts/{id}/mapping    body { mapping: { "<header>": "<field>" | null } } → DraftView
//   PUT  /imports/drafts/{id}/rows/{row} body { values: { <field>: "…" | null } }          → RowView
//   POST /imports/drafts/{id}/publish    → 202 ImportView { id (the import), state, total, processed, published, rejected }
//                                          (200 and the earlier import when the same file was imported before)
//   GET  /imports/drafts                 → [{ id, fileName, format, communityId, actor, state (DRAFT|PUBLISHED), importId, total, createdAt, updatedAt }]
//   GET  /imports/drafts/{id}            → DraftView (to go on with a draft left half done)
//   GET  /imports/{id}                   → ImportView, polled until COMPLETED or FAILED
//   GET  /imports/{id}/rejections.csv    → the rejected rows with their reasons
// Older spellings (mapping by field or as a list, rows as cells aligned with headers) are still read.

/** Fields a column can map to (community-service ImportColumn), required ones first. */
export const IMPORT_FIELDS = [
  { name: 'title', required: true },
  { name: 'category', required: true },
  { name: 'urgency', required: true },
  { name: 'beneficiaryGroup', required: true },
  { name: 'start', required: true },
  { name: 'end', required: true },
  { name: 'communityId', required: true },
  { name: 'stationId', required: false },
  { name: 'gridId', required: false },
  { name: 'residentId', required: false },
  { name: 'source', required: false },
  { name: 'beneficiaryCount', required: false },
  { name: 'quantity.amount', required: false },
  { name: 'quantity.unit', required: false },
  { name: 'requiredSkills', required: false },
  { name: 'requiredLanguages', required: false },
  { name: 'estimatedMinutes', required: false },
  { name: 'geohash', required: false }
];

const FIELD_NAMES = new Set(IMPORT_FIELDS.map((f) => f.name));

export function draftPaths(id) {
  const base = '/api/community/imports/drafts';
  const d = id ? `${base}/${encodeURIComponent(id)}` : base;
  return {
    create: base,
    list: base,
    get: d,
    mapping: `${d}/mapping`,
    row: (row) => `${d}/rows/${encodeURIComponent(row)}`,
    publish: `${d}/publish`
  };
}

export function importPaths(importId) {
  const base = `/api/community/imports/${encodeURIComponent(importId)}`;
  return { get: base, rejectionsCsv: `${base}/rejections.csv`, rejections: `${base}/rejections` };
}

/** Mapping in any accepted shape → { header: field|null } over the given headers. */
export function normalizeMapping(raw, headers) {
  const out = {};
  headers.forEach((h) => { out[h] = null; });
  if (!raw) return out;
  if (Array.isArray(raw)) {
    raw.forEach((m) => {
      if (m && m.header !== undefined) out[m.header] = m.field || m.column || null;
    });
    return out;
  }
  const keys = Object.keys(raw);
  const byField = keys.length > 0 && keys.every((k) => FIELD_NAMES.has(k)) && !keys.some((k) => headers.includes(k));
  if (byField) {
    keys.forEach((field) => { if (raw[field] !== null && raw[field] !== undefined) out[raw[field]] = field; });
  } else {
    keys.forEach((h) => { out[h] = raw[h] || null; });
  }
  return out;
}

/** A problem as the wizard shows it: {column, reason} (column: a field name or a header). */
export function normalizeProblem(p) {
  if (!p) return null;
  if (typeof p === 'string') return { column: null, field: null, reason: p };
  return { column: p.column || p.field || null, field: p.field || null, reason: p.reason || p.message || '' };
}

/** A row as the wizard shows it: {row, values: {field: text}, problems: [...]}. */
export function normalizeRow(raw, headers = [], mapping = {}) {
  const r = raw || {};
  let values = {};
  if (r.cells && !Array.isArray(r.cells)) values = { ...r.cells };
  else if (r.values && !Array.isArray(r.values)) values = { ...r.values };
  else if (r.fields && !Array.isArray(r.fields)) values = { ...r.fields };
  else if (Array.isArray(r.cells) || Array.isArray(r.values)) {
    const cells = Array.isArray(r.cells) ? r.cells : r.values;
    headers.forEach((h, i) => {
      const field = mapping[h];
      if (field) values[field] = cells[i] ?? '';
    });
  }
  // Headers as keys: translate through the mapping.
  Object.keys(values).forEach((k) => {
    if (!FIELD_NAMES.has(k) && mapping[k]) {
      values[mapping[k]] = values[k];
      delete values[k];
    }
  });
  Object.keys(values).forEach((k) => {
    const v = values[k];
    values[k] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  });
  const problems = (r.problems || r.errors || []).map(normalizeProblem).filter(Boolean);
  const labels = r.labels && typeof r.labels === 'object' ? { ...r.labels } : {};
  const ok = typeof r.ok === 'boolean' ? r.ok : problems.length === 0;
  return { row: Number(r.row ?? r.rowNumber ?? r.index ?? 0), ok, values, labels, problems };
}

/** The draft as the wizard shows it. */
export function normalizeDraft(raw) {
  const d = raw || {};
  const headers = Array.isArray(d.headers) ? d.headers.map(String) : Array.isArray(d.columns) ? d.columns.map((c) => String(c.header ?? c)) : [];
  const mapping = normalizeMapping(d.mapping, headers);
  const fields = Array.isArray(d.fields) && d.fields.length
    ? d.fields.map((f) => (typeof f === 'string'
      ? { name: f, required: IMPORT_FIELDS.some((x) => x.name === f && x.required) }
      : { name: f.name, required: !!f.required, zh: f.zh || null, en: f.en || null }))
    : IMPORT_FIELDS;
  const rows = (d.rows || d.preview || []).map((r) => normalizeRow(r, headers, mapping));
  return {
    id: d.id || d.draftId || null,
    fileName: d.fileName || '',
    communityId: d.communityId || null,
    headers,
    mapping,
    fields,
    rows,
    state: d.state || null,
    importId: d.importId || null,
    duplicateOf: d.duplicateOf || null,
    total: Number(d.total ?? rows.length),
    ready: Number(d.ready ?? rows.filter((r) => r.ok).length),
    withProblems: Number(d.withProblems ?? rows.filter((r) => !r.ok).length)
  };
}

/** Required fields no column is mapped to. */
export function missingRequired(mapping, fields = IMPORT_FIELDS) {
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  return fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
}

/** Fields mapped from more than one column. */
export function duplicateFields(mapping) {
  const seen = new Map();
  Object.values(mapping).filter(Boolean).forEach((f) => seen.set(f, (seen.get(f) || 0) + 1));
  return [...seen.entries()].filter(([, n]) => n > 1).map(([f]) => f);
}

export function mappingBody(mapping) {
  const out = {};
  Object.entries(mapping).forEach(([h, f]) => { out[h] = f || null; });
  return { mapping: out };
}

export function rowBody(values) {
  return { values: { ...values } };
}

/** Does a problem belong to this field (the column named by field or by its header)? */
export function problemOf(row, field, mapping) {
  const headers = Object.keys(mapping).filter((h) => mapping[h] === field);
  return row.problems.filter((p) => p.field === field || (!p.field && (p.column === field || headers.includes(p.column)))).map((p) => p.reason).join('；');
}

/** The answer of a row's PUT: the row itself, or a draft holding it. */
export function rowFromAnswer(answer, rowNumber, headers, mapping) {
  if (answer && Array.isArray(answer.rows)) {
    const d = normalizeDraft(answer);
    return d.rows.find((r) => r.row === rowNumber) || null;
  }
  return answer ? normalizeRow(answer, headers, mapping) : null;
}

/** The result of publishing: {id, state, finished, total, published, rejected}. */
export function normalizeResult(raw, draftId) {
  const r = raw || {};
  const state = r.state || r.status || 'COMPLETED';
  return {
    id: r.id || r.importId || r.jobId || draftId,
    state,
    finished: state === 'COMPLETED' || state === 'FAILED',
    total: Number(r.total ?? 0),
    processed: Number(r.processed ?? 0),
    published: Number(r.published ?? 0),
    rejected: Number(r.rejected ?? 0)
  };
}
