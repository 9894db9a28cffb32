// Validates the hub's AsyncAPI document with the AsyncAPI CLI (any error fails the build) and renders it with
// @asyncapi/html-template into the given folder (index.html, css/, js/; no inline script, so the portal's
// Content-Security-Policy script-src 'self' lets it run), with the document itself beside it as asyncapi.json.
// Skipped when that folder already holds the rendering of this very document (the build's quick loop), and taken
// from the per-user cache when this machine validated and rendered the very same document before (a clean clone of
// an unchanged hub: about 40 s of CPU spared): the cache is keyed by the document's and the tools' hashes, beside the tools
// install-once.mjs keeps there.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const [documentPath, site] = process.argv.slice(2).map((p) => resolve(p));
const sha = createHash('sha256').update(readFileSync(documentPath)).digest('hex');
const stamp = resolve(site, '.source.sha256');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sha && existsSync(resolve(site, 'index.html'))) {
  console.log(`AsyncAPI: ${site} already holds this document, validated and rendered`);
  process.exit(0);
}
const cacheRoot = process.env.WUSHE_TOOLS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wushe');
// The same document rendered by the same tools (package-lock.json) is the same page.
const key = createHash('sha256').update(sha).update(readFileSync('package-lock.json')).digest('hex');
const cached = join(cacheRoot, 'asyncapi-site', key.slice(0, 16));
if (existsSync(join(cached, '.source.sha256')) && readFileSync(join(cached, '.source.sha256'), 'utf8').trim() === sha) {
  rmSync(site, { recursive: true, force: true });
  cpSync(cached, site, { recursive: true });
  console.log(`AsyncAPI: this document was validated and rendered on this machine before: taken from ${cached}`);
  process.exit(0);
}
const env = {
  ...process.env,
  // No anonymous usage metrics leave the build, and no network is needed.
  ASYNCAPI_METRICS_CONFIG_PATH: resolve('analytics.json'),
  SUPPRESS_NO_CONFIG_WARNING: 'true',
  FORCE_COLOR: '0'
};
const cli = resolve('node_modules/.bin/asyncapi');
function run(what, args) {
  const started = Date.now();
  const r = spawnSync(cli, args, { env, encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    .split('\n').filter((l) => l.trim() && !/Generation in progress|deoptimised the styling/.test(l)).join('\n');
  console.log(out);
  console.log(`AsyncAPI ${what}: ${Math.round((Date.now() - started) / 100) / 10} s`);
  if (r.status !== 0) {
    console.error(`AsyncAPI ${what} failed (exit ${r.status ?? r.error})`);
    process.exit(1);
  }
  return out;
}
const validation = run('validate', ['validate', documentPath, '--fail-severity', 'error']);
if (!/is valid/.test(validation)) {
  console.error('AsyncAPI validate did not report the document valid');
  process.exit(1);
}
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
run('render', ['generate', 'fromTemplate', documentPath, resolve('node_modules/@asyncapi/html-template'),
  '--output', site, '--force-write', '--param', 'singleFile=false', '--param', 'outFilename=index.html']);
copyFileSync(documentPath, resolve(site, 'asyncapi.json'));
const html = readFileSync(resolve(site, 'index.html'), 'utf8');
if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) {
  console.error('the rendered page has an inline script, which the portal\'s Content-Security-Policy refuses');
  process.exit(1);
}
writeFileSync(stamp, sha + '\n');
// Kept for the next clean clone of the same hub: written beside and renamed into place, so a stopped build never
// leaves half a rendering in the cache.
const work = `${cached}.${process.pid}`;
try {
  rmSync(work, { recursive: true, force: true });
  cpSync(site, work, { recursive: true });
  rmSync(cached, { recursive: true, force: true });
  renameSync(work, cached);
} catch (e) {
  rmSync(work, { recursive: true, force: true });
  console.log(`AsyncAPI: the rendering was not kept in ${cached} (${e.message}); the build goes on`);
}
