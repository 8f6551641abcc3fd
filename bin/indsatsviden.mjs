#!/usr/bin/env node
// Entry point of the `indsatsviden` command. The CLI is bundled by `npm run build` into dist/cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/indsatsviden.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('indsatsviden: kommandoen er ikke bygget endnu; kør først `npm run build`\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
