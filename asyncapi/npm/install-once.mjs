// The AsyncAPI CLI and HTML template for the build: `npm ci` from package-lock.json once per lock file and machine.
// The 1,372 packages (about 550 MB) are installed into a per-user cache keyed by the lock file's hash
// (WUSHE_TOOLS_CACHE, else $XDG_CACHE_HOME/wushe, else ~/.cache/wushe), and node_modules here is a link to it: a
// clean clone on a machine that built before takes the installed tools at once instead of spending about 50 s of CPU
// unpacking them again, as ~/.m2 spares Maven its downloads. `npm ci --prefer-offline` takes what the npm cache has.
// Puppeteer (a dependency of the HTML template, used only for PDF output) does not download a browser.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const npm = process.argv[2] || 'npm';
const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const here = resolve('node_modules');
const installed = (dir) =>
  existsSync(join(dir, '.wushe-lock.sha256')) &&
  readFileSync(join(dir, '.wushe-lock.sha256'), 'utf8').trim() === lock &&
  existsSync(join(dir, '.bin', 'asyncapi'));

if (installed(here)) {
  console.log('AsyncAPI tools: node_modules matches package-lock.json');
  process.exit(0);
}
const cacheRoot = process.env.WUSHE_TOOLS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wushe');
const cached = join(cacheRoot, 'asyncapi-tools', lock.slice(0, 16));
if (!installed(join(cached, 'node_modules'))) {
  console.log(`AsyncAPI tools: npm ci into ${cached} (package-lock.json changed or first install on this machine)`);
  const started = Date.now();
  // Installed beside the final folder and renamed into place, so a build stopped halfway, or two builds at once,
  // never leave a half-installed folder where the next build would take it.
  const work = `${cached}.${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  copyFileSync('package.json', join(work, 'package.json'));
  copyFileSync('package-lock.json', join(work, 'package-lock.json'));
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: 'true' }
  });
  if (r.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    console.error(`npm ci failed (${r.status ?? r.error})`);
    process.exit(1);
  }
  writeFileSync(join(work, 'node_modules', '.wushe-lock.sha256'), lock + '\n');
  try {
    rmSync(cached, { recursive: true, force: true });
    renameSync(work, cached);
  } catch (e) {
    // Another build installed the same lock file meanwhile: keep its folder.
    rmSync(work, { recursive: true, force: true });
    if (!installed(join(cached, 'node_modules'))) throw e;
  }
  console.log(`AsyncAPI tools installed in ${Math.round((Date.now() - started) / 1000)} s`);
} else {
  console.log(`AsyncAPI tools: taken from ${cached}`);
}
let existing = null;
try { existing = lstatSync(here); } catch { /* none yet */ }
if (existing) rmSync(here, { recursive: true, force: true });
symlinkSync(join(cached, 'node_modules'), here, 'dir');
