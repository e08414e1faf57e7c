// Bundles bench/bench.ts and runs it in a fresh node with --expose-gc and a larger heap.
//   node scripts/run-bench.mjs [bench options]      e.g. --sizes=1,10 --runs=3 --write-samples
// Extra node flags (e.g. --cpu-prof) can be passed with BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=bench/results".
// The exit code is the bench's: 0 even when a target fails (the output says FAIL).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench', 'results');
const outfile = path.join(outDir, 'bench.cjs');
mkdirSync(outDir, { recursive: true });

await esbuild.build({
  entryPoints: [path.join(root, 'bench', 'bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  minify: false, // keep function names readable in profiles
  logLevel: 'warning',
  legalComments: 'none',
});

const extraFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--max-old-space-size=4096', ...extraFlags, outfile, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
if (result.error) {
  console.error(result.error);
  process.exit(1);
}
process.exit(result.status ?? 1);
