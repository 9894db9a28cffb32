import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import * as enums from '../src/enums.js';
import * as gridWork from '../src/pages/grid/gridWork.js';

function keys(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function get(node, path) {
  return path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);
}
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('has no empty text', () => {
    for (const k of keys(zh)) {
      expect(String(get(zh, k)).trim(), `zh ${k}`).not.toBe('');
      expect(String(get(en, k)).trim(), `en ${k}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of keys(zh)) expect(placeholders(get(en, k)), k).toEqual(placeholders(get(zh, k)));
  });

  it('has no vue-i18n special characters that would break a message', () => {
    for (const k of [...keys(zh)]) {
      for (const text of [get(zh, k), get(en, k)]) expect(/[@|]/.test(text), `${k}: ${text}`).toBe(false);
    }
  });

  it('names every enum value the pickers offer', () => {
    const tables = {
      category: enums.CATEGORIES, urgency: enums.URGENCIES, group: enums.BENEFICIARY_GROUPS, source: enums.NEED_SOURCES, unit: enums.QUANTITY_UNITS,
      skill: enums.SKILLS, day: enums.DAYS, needStatus: enums.NEED_STATUSES, frequency: enums.FREQUENCIES, offerKind: enums.OFFER_KINDS,
      offerStatus: enums.OFFER_STATUSES, matchStatus: enums.MATCH_STATUSES, declineReason: enums.DECLINE_REASONS, withdrawal: enums.CAPACITY_WITHDRAWAL_REASONS,
      projectOutcome: enums.PROJECT_OUTCOMES, visitKind: enums.VISIT_KINDS, visitOutcome: enums.VISIT_OUTCOMES, caseOutcome: enums.CASE_OUTCOMES,
      preset: enums.REPORT_PRESETS, txKind: enums.TRANSACTION_KINDS, flag: enums.RESIDENT_FLAGS,
      patrolItem: gridWork.PATROL_ITEMS, careRisk: gridWork.CARE_RISKS, careOutcome: gridWork.CARE_OUTCOMES, subsidyKind: gridWork.SUBSIDY_KINDS,
      subsidyStatus: gridWork.SUBSIDY_STATUSES, hazardStatus: gridWork.HAZARD_STATUSES
    };
    for (const [table, values] of Object.entries(tables)) {
      for (const v of values) {
        expect(get(zh, `enum.${table}.${v}`), `zh enum.${table}.${v}`).toBeTruthy();
        expect(get(en, `enum.${table}.${v}`), `en enum.${table}.${v}`).toBeTruthy();
      }
    }
  });

  it('has a name for every workspace', () => {
    for (const ws of ['community', 'provider', 'volunteer', 'worker', 'grid', 'station', 'centre', 'admin']) expect(zh.ws[ws]).toBeTruthy();
  });

  it('names every step an application may take next on the grid page', () => {
    for (const s of gridWork.SUBSIDY_STATUSES) {
      for (const next of gridWork.subsidyNextSteps(s)) {
        expect(get(zh, `grid.moveTo.${next}`), `zh grid.moveTo.${next}`).toBeTruthy();
        expect(get(en, `grid.moveTo.${next}`), `en grid.moveTo.${next}`).toBeTruthy();
      }
    }
  });
});
