// Builds the Word add-in into dist/office-addin/ (its own folder: no other build touches it): the task pane with
// Vite, the icons, and the production manifest whose URLs all come from one value, INDSATSVIDEN_ADDIN_URL.
import preact from '@preact/preset-vite';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ADDIN_URL = 'https://localhost:3000';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The configured base URL (no trailing slash); must be https, as Office requires. */
export function addinBaseUrl(value = process.env.INDSATSVIDEN_ADDIN_URL) {
  const raw = (value ?? '').trim() || DEFAULT_ADDIN_URL;
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`INDSATSVIDEN_ADDIN_URL skal være en https-adresse: ${raw}`);
  return url.href.replace(/\/+$/, '');
}

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The manifest for a base URL, from office-addin/manifest.template.xml. */
export function renderManifest(baseUrl, version) {
  const template = readFileSync(resolve(repo, 'office-addin/manifest.template.xml'), 'utf8');
  // Office wants four numeric parts.
  const v = `${String(version).split('-')[0].split('.').concat(['0', '0', '0', '0']).slice(0, 4).join('.')}`;
  return template
    .replace(/^<!--.*?-->\n/m, '')
    .replaceAll('{{BASE_URL}}', xmlEscape(baseUrl))
    .replaceAll('{{VERSION}}', v);
}

export async function buildAddin({ outDir = resolve(repo, 'dist/office-addin'), baseUrl = addinBaseUrl() } = {}) {
  await build({
    configFile: false,
    root: resolve(repo, 'office-addin'),
    base: './',
    plugins: [preact()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2020', sourcemap: false, chunkSizeWarningLimit: 4000 },
  });
  mkdirSync(resolve(outDir, 'icons'), { recursive: true });
  cpSync(resolve(repo, 'office-addin/icons'), resolve(outDir, 'icons'), { recursive: true });
  const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8'));
  writeFileSync(resolve(outDir, 'manifest.xml'), renderManifest(baseUrl, pkg.version));
  return { outDir, baseUrl };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // INDSATSVIDEN_ADDIN_OUT lets the tests build into a temporary folder.
  const out = process.env.INDSATSVIDEN_ADDIN_OUT ? resolve(process.env.INDSATSVIDEN_ADDIN_OUT) : undefined;
  const { outDir, baseUrl } = await buildAddin(out ? { outDir: out } : {});
  console.log(`Word-tilføjelsesprogram bygget → ${outDir.replace(repo + '/', '')} (manifest: ${baseUrl})`);
}
