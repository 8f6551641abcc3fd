#!/usr/bin/env node
// Prints the source lines that source-map.json assigns to one activity type (or a line range),
// without the blank lines the PDF extraction put between text lines, each prefixed with its
// line number. A reading aid for catalogue editors: `node scripts/seed-excerpt.mjs lektiecafeer`
// or `node scripts/seed-excerpt.mjs 2074-2156`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seedDir = process.env.INDSATSVIDEN_SEED ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'seed');
const map = JSON.parse(readFileSync(join(seedDir, 'source-map.json'), 'utf8'));
const lines = readFileSync(join(seedDir, map.source), 'utf8').split('\n');
const arg = process.argv[2];
if (!arg) {
  console.error('Brug: node scripts/seed-excerpt.mjs AKTIVITETS-ID | FRA-TIL');
  process.exit(2);
}
const print = (from, to, label) => {
  console.log(`===== ${label} linjer ${from}-${to}`);
  for (let n = from; n <= to; n++) {
    const text = lines[n - 1] ?? '';
    if (text.trim() !== '') console.log(`${String(n).padStart(5)}| ${text}`);
  }
};
const range = /^(\d+)-(\d+)$/.exec(arg);
if (range) {
  print(Number(range[1]), Number(range[2]), 'udsnit');
} else {
  const type = map.activityTypes.find((t) => t.id === arg);
  if (!type) {
    console.error(`Ukendt aktivitetstype: ${arg}`);
    process.exit(2);
  }
  const { ownLines, crossReferences, ...meta } = type;
  console.log(JSON.stringify(meta, null, 1));
  for (const [from, to] of ownLines) print(from, to, 'egne');
  for (const ref of crossReferences ?? []) print(ref.lines[0], ref.lines[1], `krydshenvisning (${ref.focusArea})`);
}
