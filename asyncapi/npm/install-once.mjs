// `npm ci` from package-lock.json, only when node_modules does not already hold exactly that lock file's packages.
// After the first install the build runs without the network (and `npm ci --prefer-offline` takes what the npm
// cache has). Puppeteer (a dependency of the HTML template, used only for PDF output) does not download a browser.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const npm = process.argv[2] || 'npm';
const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.wushe-lock.sha256';
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lock && existsSync('node_modules/.bin/asyncapi')) {
  console.log('AsyncAPI tools: node_modules matches package-lock.json');
  process.exit(0);
}
console.log('AsyncAPI tools: npm ci (package-lock.json changed or first install)');
const started = Date.now();
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
  stdio: 'inherit',
  env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: 'true' }
});
if (r.status !== 0) {
  console.error(`npm ci failed (${r.status ?? r.error})`);
  process.exit(1);
}
writeFileSync(stamp, lock + '\n');
console.log(`AsyncAPI tools installed in ${Math.round((Date.now() - started) / 1000)} s`);
