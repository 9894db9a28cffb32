// Pure formatting helpers. Times are shown in Beijing time, whatever the browser's zone.
export const ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

function fmt(locale, options) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: ZONE, ...options });
}

/** '2026-11-20 10:00' (Beijing time) from an ISO instant or epoch millis; '' when not a time. */
export function dateTime(value) {
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** '2026-11-20' in Beijing time. */
export function dateOnly(value) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

function parts(d) {
  const out = {};
  for (const p of fmt('en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d)) {
    out[p.type] = p.value;
  }
  return out;
}

export function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A window: '2026-11-20 10:00–12:00' on one day, else both ends in full. */
export function span(start, end) {
  const s = dateTime(start);
  if (!s) return '';
  const e = dateTime(end);
  if (!e) return s;
  return s.slice(0, 10) === e.slice(0, 10) ? `${s}–${e.slice(11)}` : `${s} – ${e}`;
}

/** 'YYYY-MM-DDTHH:mm' of a datetime-local input (Beijing time) → ISO instant; null when empty or bad. */
export function localInputToInstant(value) {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const d = new Date(`${withSeconds}${OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** ISO instant → 'YYYY-MM-DDTHH:mm' for a datetime-local input, in Beijing time. */
export function instantToLocalInput(value) {
  const s = dateTime(value);
  return s ? s.replace(' ', 'T') : '';
}

/** Fen → '¥1,234.50'. */
export function yuan(fen) {
  if (fen === null || fen === undefined || fen === '' || Number.isNaN(Number(fen))) return '';
  const n = Number(fen) / 100;
  return `¥${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Yuan as typed ('12.5') → fen (1250); null when not a positive-or-zero amount. */
export function yuanToFen(value) {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const s = String(value).trim();
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** 0.8734 → '87%'. */
export function percent(x) {
  const v = Math.max(0, Math.min(1, Number(x) || 0));
  return `${Math.round(v * 100)}%`;
}

/** First 8 characters of a uuid, for a label when nothing better is known. */
export function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}

/** Minutes → '2 h 05 min' / '45 min'. */
export function minutes(m) {
  if (m === null || m === undefined || Number.isNaN(Number(m))) return '';
  const n = Math.round(Number(m));
  const h = Math.floor(n / 60);
  const r = n % 60;
  return h ? `${h} h ${String(r).padStart(2, '0')} min` : `${r} min`;
}

/** Minutes → hours with one decimal: 90 → '1.5'. */
export function hours(m) {
  return (Math.round((Number(m) || 0) / 6) / 10).toString();
}

/** '09:00:00' or '09:00' → '09:00'. */
export function timeOfDay(t) {
  if (!t) return '';
  const s = String(t);
  return /^\d{2}:\d{2}/.test(s) ? s.slice(0, 5) : s;
}

/** Number with thousands separators. */
export function num(n) {
  if (n === null || n === undefined || n === '') return '–';
  const v = Number(n);
  return Number.isNaN(v) ? String(n) : v.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** Milliseconds left until an instant → {past, soon, h, m, s}. */
export function countdown(deadline, now = Date.now(), soonMs = 5 * 60 * 1000) {
  const d = toDate(deadline);
  if (!d) return null;
  const left = d.getTime() - now;
  if (left <= 0) return { past: true, soon: false, h: 0, m: 0, s: 0 };
  const secs = Math.floor(left / 1000);
  return { past: false, soon: left <= soonMs, h: Math.floor(secs / 3600), m: Math.floor((secs % 3600) / 60), s: secs % 60 };
}

/** Today's date (Beijing) as 'YYYY-MM-DD', plus `days`. */
export function todayPlus(days = 0, now = Date.now()) {
  return dateOnly(new Date(now + days * 86400000));
}

/** Whole number from a form value, or null. */
export function wholeNumber(value) {
  const s = String(value ?? '').trim();
  return /^-?\d+$/.test(s) ? Number(s) : null;
}
