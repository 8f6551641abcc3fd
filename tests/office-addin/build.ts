// Builds the add-in into a temporary folder with the real build script (as `npm run build:addin` does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function buildAddinInto(baseUrl: string): { outDir: string; status: number | null; stderr: string } {
  const outDir = join(mkdtempSync(join(tmpdir(), 'indsatsviden-addin-')), 'office-addin');
  const r = spawnSync(process.execPath, ['scripts/build-addin.mjs'], {
    env: { ...process.env, INDSATSVIDEN_ADDIN_URL: baseUrl, INDSATSVIDEN_ADDIN_OUT: outDir },
    encoding: 'utf8',
  });
  return { outDir, status: r.status, stderr: r.stderr };
}
