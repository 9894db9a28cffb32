// Validates the hub's AsyncAPI document with the AsyncAPI CLI (any error fails the build) and renders it with
// @asyncapi/html-template into the given folder (index.html, css/, js/; no inline script, so the portal's
// Content-Security-Policy script-src 'self' lets it run), with the document itself beside it as asyncapi.json.
// Skipped when that folder already holds the rendering of this very document (the build's quick loop).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [documentPath, site] = process.argv.slice(2).map((p) => resolve(p));
const sha = createHash('sha256').update(readFileSync(documentPath)).digest('hex');
const stamp = resolve(site, '.source.sha256');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sha && existsSync(resolve(site, 'index.html'))) {
  console.log(`AsyncAPI: ${site} already holds this document, validated and rendered`);
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
