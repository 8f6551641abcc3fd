// Bundles the command line into dist/cli/ (its own folder: no other build touches it).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { indsatsviden: 'cli/entry.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // mammoth is CommonJS with dynamic requires: load it from node_modules at run time.
  external: ['mammoth'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
console.log('CLI bygget → dist/cli/indsatsviden.mjs');
