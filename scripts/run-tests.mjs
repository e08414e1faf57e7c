// `npm test`: typecheck and build, every vitest suite (unit, grammar, protocol, property, CLI,
// Neovim/Emacs), then the end-to-end suite in a real VS Code workbench. Ends with one summary line.
//   E2E_SKIP=1 npm test    everything but the workbench suite (which needs apt-get and ~8 minutes once)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(repo, 'test-results');
fs.mkdirSync(results, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function finish() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

// 1. Typecheck and bundle.
if (spawnSync(npm, ['run', 'build'], { cwd: repo, stdio: 'inherit' }).status !== 0) {
  ok = false;
  finish();
}

// 2. Every vitest suite.
const report = path.join(results, 'vitest.json');
fs.rmSync(report, { force: true });
const vitest = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`], { cwd: repo, stdio: 'inherit' });
if (vitest.status !== 0) ok = false;
if (fs.existsSync(report)) {
  const data = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += data.numPassedTests ?? 0;
  totals.failed += data.numFailedTests ?? 0;
  totals.skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
} else {
  ok = false;
}

// 3. The workbench suite.
if (process.env.E2E_SKIP === '1') {
  console.log('\n[tests] E2E_SKIP=1: the workbench suite (npm run test:e2e) was not run.');
  finish();
}
const e2e = spawn(process.execPath, [path.join(repo, 'scripts', 'run-e2e.mjs')], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
let tail = '';
e2e.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-2000);
});
e2e.on('close', (code) => {
  const counts = /e2e: (\d+) passed, (\d+) failed/.exec(tail);
  if (counts) {
    totals.passed += Number(counts[1]);
    totals.failed += Number(counts[2]);
  }
  if (code !== 0 || !counts) ok = false;
  finish();
});
