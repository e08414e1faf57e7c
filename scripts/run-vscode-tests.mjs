// Bundles the @vscode/test-electron runner and suite into out/vscode and runs them.
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], logLevel: 'warning' };
await esbuild.build({ ...common, entryPoints: ['test/vscode/runTest.ts'], outfile: 'out/vscode/runTest.js' });
await esbuild.build({ ...common, entryPoints: ['test/vscode/suite/index.ts'], outfile: 'out/vscode/suite.js' });
execFileSync(process.execPath, ['out/vscode/runTest.js'], { stdio: 'inherit' });
