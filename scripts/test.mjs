// `npm test`: builds every part, runs all test suites (unit, integration, real-browser end-to-end) with Vitest,
// and ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });

const build = run('npm', ['run', 'build']);
if (build.status !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + suitesFailedWithoutFailedTests(json);
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);

// A suite that failed to load counts as one failure; a suite whose tests failed is counted by its tests.
function suitesFailedWithoutFailedTests(json) {
  return (json.testResults ?? []).filter(
    (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}
