import { describe, it, expect } from 'vitest';
import {
  dateTime, dateOnly, span, localInputToInstant, instantToLocalInput, yuan, yuanToFen, percent, shortId, minutes, hours, timeOfDay, countdown, wholeNumber, num
} from '../src/format.js';
import { durationText, gridAndResidents, ratingText, GRID_COLUMNS } from '../src/pages/centre/reportFormat.js';

describe('formatting', () => {
  it('shows instants in Beijing time', () => {
    expect(dateTime('2026-11-20T02:00:00Z')).toBe('2026-11-20 10:00');
    expect(dateTime('2026-11-20T16:30:00Z')).toBe('2026-11-21 00:30');
    expect(dateOnly('2026-11-20T16:30:00Z')).toBe('2026-11-21');
    expect(dateOnly('2026-11-20')).toBe('2026-11-20');
    expect(dateTime(null)).toBe('');
    expect(dateTime('not a time')).toBe('');
  });

  it('shortens a window on one day', () => {
    expect(span('2026-11-20T02:00:00Z', '2026-11-20T04:00:00Z')).toBe('2026-11-20 10:00–12:00');
    expect(span('2026-11-20T02:00:00Z', '2026-11-21T04:00:00Z')).toBe('2026-11-20 10:00 – 2026-11-21 12:00');
    expect(span('2026-11-20T02:00:00Z', null)).toBe('2026-11-20 10:00');
  });

  it('reads datetime-local inputs as Beijing time and back', () => {
    expect(localInputToInstant('2026-11-20T10:00')).toBe('2026-11-20T02:00:00.000Z');
    expect(localInputToInstant('')).toBeNull();
    expect(localInputToInstant('20/11/2026')).toBeNull();
    expect(instantToLocalInput('2026-11-20T02:00:00Z')).toBe('2026-11-20T10:00');
  });

  it('converts money', () => {
    expect(yuan(123450)).toBe('¥1,234.50');
    expect(yuan(null)).toBe('');
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('12.05')).toBe(1205);
    expect(yuanToFen('100')).toBe(10000);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('formats small things', () => {
    expect(percent(0.8734)).toBe('87%');
    expect(percent(2)).toBe('100%');
    expect(shortId('7c1a2b3c-4d5e')).toBe('7c1a2b3c');
    expect(minutes(125)).toBe('2 h 05 min');
    expect(minutes(45)).toBe('45 min');
    expect(hours(90)).toBe('1.5');
    expect(timeOfDay('09:00:00')).toBe('09:00');
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('1.5')).toBeNull();
    expect(num(12345)).toBe('12,345');
    expect(num(null)).toBe('–');
  });

  it('counts down to a deadline', () => {
    const now = Date.parse('2026-11-20T02:00:00Z');
    expect(countdown('2026-11-20T02:03:05Z', now)).toEqual({ past: false, soon: true, h: 0, m: 3, s: 5 });
    expect(countdown('2026-11-20T04:10:00Z', now)).toMatchObject({ past: false, soon: false, h: 2, m: 10 });
    expect(countdown('2026-11-20T01:00:00Z', now).past).toBe(true);
    expect(countdown(null, now)).toBeNull();
  });

  it('words report durations', () => {
    const tt = (k, p) => `${k}:${p.n}`;
    expect(durationText(null, tt)).toBe('–');
    expect(durationText(45, tt)).toBe('centre.minutesN:45');
    expect(durationText(180, tt)).toBe('centre.hoursN:3');
    expect(durationText(5 * 24 * 60, tt)).toBe('centre.daysN:5');
  });

  it('shows a report row\'s grid work and residents\' figures, pairs as a / b', () => {
    const row = {
      grid: { patrols: 12, hazardsFound: 3, hazardsFixed: 1, careVisits: 9, careVisitsOnTime: 7, careVisitsLate: 2, careVisitsOverdue: 4 },
      residents: { wishesSubmitted: 5, wishesFulfilled: 2, ratings: 3, meanRating: 3.6666, followUpsAsked: 1, followUpsDone: 0 }
    };
    expect(gridAndResidents(row)).toEqual({ patrols: '12', hazards: '3 / 1', careVisits: '7 / 2', careOverdue: '4', wishes: '5 / 2', ratings: '3',
      meanRating: '3.67', followUps: '0 / 1' });
    // A row without ratings (the report leaves the mean out) or from before the figures existed.
    expect(gridAndResidents({ grid: { patrols: 1200 }, residents: { ratings: 0 } })).toMatchObject({ patrols: '1,200', hazards: '0 / 0', meanRating: '–' });
    expect(gridAndResidents({}).meanRating).toBe('–');
    expect(ratingText('4.5')).toBe('4.50');
    expect(GRID_COLUMNS[0]).toBe('station');
    expect(GRID_COLUMNS.slice(1).sort()).toEqual(Object.keys(gridAndResidents(row)).sort());
  });
});
