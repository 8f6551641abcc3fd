#!/usr/bin/env node
// Entry point of the `indsatsviden` command. The CLI is bundled by `npm run build` into dist/cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/indsatsviden.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('indsatsviden: kommandoen er ikke bygget endnu; kør først `npm run build`\n');
  process.exit(1);
}
// A closed pipe (`indsatsviden detect … | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
