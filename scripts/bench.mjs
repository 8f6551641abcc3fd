// `npm run bench`: every benchmark of the project, each printing its figures and the ratios against a baseline
// measured in the same run. Timing targets live here, never in the tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  ['Genkendelse (core)', ['npx', 'tsx', 'bench/detect.ts']],
  ['Word-tilføjelsesprogram', existsSync('bench/addin.mjs') ? ['node', 'bench/addin.mjs'] : existsSync('bench/addin.ts') ? ['npx', 'tsx', 'bench/addin.ts'] : null],
  ['Browserudvidelse', existsSync('bench/extension.mjs') ? ['node', 'bench/extension.mjs'] : existsSync('bench/extension.ts') ? ['npx', 'tsx', 'bench/extension.ts'] : null],
];
let failed = 0;
for (const [title, cmd] of benches) {
  if (!cmd) continue;
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
