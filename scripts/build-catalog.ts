// Build step: compiles catalog/**/*.md into generated/catalog.json, or fails naming each bad file and field.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError, compileCatalog, type SourceFile } from '../core/catalog/compile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readCatalogFiles(dir = join(root, 'catalog')): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') {
        files.push({ path: relative(root, path).split('\\').join('/'), content: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(dir);
  return files;
}

try {
  const catalog = compileCatalog(readCatalogFiles());
  const out = join(root, 'generated', 'catalog.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(catalog)}\n`);
  const documented = catalog.activityTypes.filter((t) => t.evidence === 'documented').length;
  console.log(
    `Katalog bygget: ${catalog.activityTypes.length} aktivitetstyper (${documented} med dokumenteret virkning), ` +
      `${catalog.focusAreas.length} indsatsområder → ${relative(root, out)}`,
  );
} catch (e) {
  if (e instanceof CatalogError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
