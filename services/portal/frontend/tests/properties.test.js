import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProperties, nest } from '../properties.js';
import zh from '@messages/portal_zh_CN.properties';

describe('the catalogue bundles (.properties) the pages import', () => {
  it('reads comments, separators, escapes and continued lines as Java does', () => {
    const text = [
      '# a comment', '! another', '', 'a.b=一 two', 'a.c : spaced', 'd value with spaces',
      'e=tab\\there\\nnewline \\u4e2d \\\\ back', 'f=first \\', '   continued', 'g=trailing\\\\', 'h=x'
    ].join('\n');
    expect(parseProperties(text)).toEqual([
      ['a.b', '一 two'], ['a.c', 'spaced'], ['d', 'value with spaces'],
      ['e', 'tab\there\nnewline 中 \\ back'], ['f', 'first continued'], ['g', 'trailing\\'], ['h', 'x']
    ]);
  });

  it('nests dotted keys and refuses a key that is a text and a prefix at once', () => {
    expect(nest([['a.b', '1'], ['a.c.d', '2']])).toEqual({ a: { b: '1', c: { d: '2' } } });
    expect(() => nest([['a', '1'], ['a.b', '2']])).toThrow(/a.b is under a/);
    expect(() => nest([['a.b', '1'], ['a', '2']])).toThrow(/a prefix/);
    expect(() => nest([['a', '1'], ['a', '2']])).toThrow(/written twice/);
  });

  it('gives the pages the bundle of src/main/resources/messages, through the Vite plugin', () => {
    const file = readFileSync(new URL('../../src/main/resources/messages/portal_zh_CN.properties', import.meta.url), 'utf8');
    expect(nest(parseProperties(file))).toEqual(zh);
    expect(zh.app.title).toBe('五社联动枢纽');
  });
});
