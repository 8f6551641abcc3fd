// Builds the browser extension: Chrome MV3 and Firefox MV3 into dist/extension/<browser>-mv3, and the end-to-end
// test build (also granted http://127.0.0.1/*) into dist/extension-test/chrome-mv3. WXT empties only the folder it
// builds into, so the CLI's and the add-in's outputs under dist/ stay.
import { spawnSync } from 'node:child_process';

const builds = [
  { args: ['build'], env: {} },
  { args: ['build', '-b', 'firefox', '--mv3'], env: {} },
  { args: ['build'], env: { INDSATSVIDEN_TEST_BUILD: '1' } },
];

for (const { args, env } of builds) {
  const result = spawnSync('npx', ['wxt', ...args], {
    stdio: 'inherit',
    env: { ...process.env, INDSATSVIDEN_TEST_BUILD: '', ...env },
  });
  if (result.status !== 0) {
    console.error(`wxt ${args.join(' ')} fejlede.`);
    process.exit(result.status ?? 1);
  }
}
