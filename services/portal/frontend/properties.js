// A Vite plugin: `import zh from '…/portal_zh_CN.properties'` gives the bundle as nested messages for vue-i18n
// ({ app: { title: '…' } }), so the pages read the same kind of catalogue as the services (messages/*.properties,
// UTF-8, one file per language). Dotted keys nest; a key that is both a text and a prefix of others is an error.
import { readFileSync } from 'node:fs';

/** Parses .properties text (UTF-8): comments (# !), key=value / key: value / key value, \-escapes, line continuations. */
export function parseProperties(text) {
  const entries = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    }
    const m = /^((?:\\.|[^=:\s\\])*)[ \t\f]*[=:]?[ \t\f]*(.*)$/.exec(line);
    entries.push([unescape(m[1]), unescape(m[2])]);
  }
  return entries;
}

function unescape(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e) => {
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', f: '\f' }[e] ?? e;
  });
}

/** The entries as nested objects: a.b=x → { a: { b: 'x' } }. */
export function nest(entries, source = 'bundle') {
  const root = {};
  for (const [key, value] of entries) {
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] === 'string') throw new Error(`${source}: ${key} is under ${part}, which is a text`);
      node = node[part] ??= {};
    }
    const leaf = path[path.length - 1];
    if (leaf in node) throw new Error(`${source}: ${key} is ${typeof node[leaf] === 'string' ? 'written twice' : 'a prefix of other keys'}`);
    node[leaf] = value;
  }
  return root;
}

export default function properties() {
  return {
    name: 'wushe-properties',
    load(id) {
      if (!id.endsWith('.properties')) return null;
      this.addWatchFile?.(id);
      const messages = nest(parseProperties(readFileSync(id, 'utf8')), id);
      return `export default ${JSON.stringify(messages)};`;
    }
  };
}
