import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { RELATIONSHIPS, isUuid, consentBody, consentPath, volunteerOptions, remember } from '../src/pages/station/guardianConsent.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);
const MINOR = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ADULT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

describe('the guardian consent body', () => {
  it('sends the name, the phone without spaces or dashes and the relationship', () => {
    const out = consentBody({ volunteerId: ` ${MINOR} `, guardianName: ' 林国栋 ', guardianPhone: '139 1234-5678', relationship: 'PARENT' });
    expect(out.errors).toEqual({});
    expect(out.volunteerId).toBe(MINOR);
    expect(out.body).toEqual({ guardianName: '林国栋', guardianPhone: '13912345678', relationship: 'PARENT' });
  });

  it('names each missing or malformed field as the service does', () => {
    expect(consentBody({}).errors).toEqual({ id: 'required', guardianName: 'required', guardianPhone: 'required', relationship: 'required' });
    const bad = consentBody({ volunteerId: 'abc', guardianName: '林'.repeat(31), guardianPhone: '12912345678', relationship: 'FRIEND' });
    expect(bad.errors).toEqual({ id: 'uuid', guardianName: 'tooLong', guardianPhone: 'phone', relationship: 'required' });
    expect(consentBody({ volunteerId: MINOR, guardianName: '林'.repeat(30), guardianPhone: '13012345678', relationship: 'OTHER_GUARDIAN' }).errors).toEqual({});
  });

  it('has the words of every error and relationship in both languages', () => {
    for (const k of ['required', 'uuid', 'tooLong', 'phone']) {
      expect(get(zh, `consent.err.${k}`), k).toBeTruthy();
      expect(get(en, `consent.err.${k}`), k).toBeTruthy();
    }
    for (const r of RELATIONSHIPS) {
      expect(get(zh, `enum.guardianRelationship.${r}`), r).toBeTruthy();
      expect(get(en, `enum.guardianRelationship.${r}`), r).toBeTruthy();
    }
  });
});

describe('the consent desk', () => {
  it('posts to the volunteer-service relay', () => {
    expect(consentPath(MINOR)).toBe(`/api/volunteer/volunteers/${MINOR}/guardian-consent`);
    expect(isUuid(MINOR)).toBe(true);
    expect(isUuid('../x')).toBe(false);
  });

  it('offers the minors of the station first', () => {
    const options = volunteerOptions([{ id: ADULT, age: 40, communityId: 'c' }, { id: MINOR, age: 16 }, { id: 'b', age: null }, { name: 'no id' }]);
    expect(options.map((o) => o.id)).toEqual([MINOR, ADULT, 'b']);
    expect(options[0]).toMatchObject({ minor: true, age: 16 });
    expect(options[1]).toMatchObject({ minor: false, age: 40 });
    expect(options[2]).toMatchObject({ minor: false, age: null });
  });

  it('keeps one row per volunteer, the latest first', () => {
    let list = remember([], { volunteerId: MINOR, relationship: 'PARENT', recordedAt: '2026-12-07T01:00:00Z' });
    list = remember(list, { volunteerId: ADULT, relationship: 'SIBLING' });
    list = remember(list, { volunteerId: MINOR, relationship: 'GRANDPARENT' });
    expect(list.map((r) => [r.volunteerId, r.relationship])).toEqual([[MINOR, 'GRANDPARENT'], [ADULT, 'SIBLING']]);
    expect(remember(list, null)).toBe(list);
  });
});
