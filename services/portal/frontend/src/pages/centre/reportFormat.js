/** Minutes → '45 分钟 min' under two hours, hours under three days, else days; '–' when none. */
export function durationText(minutes, tt) {
  if (minutes === undefined || minutes === null || minutes === '') return '–';
  const m = Number(minutes);
  if (Number.isNaN(m)) return '–';
  if (m < 120) return tt('centre.minutesN', { n: Math.round(m * 10) / 10 });
  if (m < 72 * 60) return tt('centre.hoursN', { n: Math.round(m / 6) / 10 });
  return tt('centre.daysN', { n: Math.round(m / 144) / 10 });
}
