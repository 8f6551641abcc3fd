// Shared test helpers: paths and the project's catalogue source files.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../core/catalog/compile.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedDir = join(root, '..', 'shared', 'seed');
export const sampleDir = join(root, '..', 'shared', 'eval', 'sample');

export function catalogFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && e.name !== 'README.md') {
        out.push({ path: relative(root, p), content: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(join(root, 'catalog'));
  return out;
}

export interface SourceMapType {
  id: string;
  name: string;
  evidence: 'documented' | 'not-documented';
  focusAreas: string[];
  page: number;
  pageRange: [number, number];
  pageBasis: string;
}

export function sourceMap(): { activityTypes: SourceMapType[] } {
  return JSON.parse(readFileSync(join(seedDir, 'source-map.json'), 'utf8'));
}
