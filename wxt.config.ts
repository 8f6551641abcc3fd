// WXT configuration of the browser extension (Chrome and Firefox, Manifest V3). Release builds go to
// dist/extension/<browser>-mv3; the end-to-end test build (INDSATSVIDEN_TEST_BUILD=1) goes to dist/extension-test and
// also grants http://127.0.0.1/* up front, because Chromium's permission prompt cannot be clicked in a test.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const testBuild = process.env.INDSATSVIDEN_TEST_BUILD === '1';
const TEST_ORIGIN = 'http://127.0.0.1/*';

export default defineConfig({
  srcDir: 'extension',
  outDir: testBuild ? 'dist/extension-test' : 'dist/extension',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  modules: [],
  vite: () => ({
    plugins: [preact()],
    define: { __IV_TEST_BUILD__: JSON.stringify(testBuild) },
    build: { chunkSizeWarningLimit: 4096 },
  }),
  manifest: ({ browser }) => ({
    name: 'Indsatsviden',
    description:
      'Viser aktivitetstyper fra CFBU’s Inspirations- og vidensKatalog i webformularer, med evidens, forudsætninger og tekstblokke.',
    default_locale: undefined,
    permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['<all_urls>'],
    ...(testBuild ? { host_permissions: [TEST_ORIGIN] } : {}),
    action: { default_title: 'Indsatsviden' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'indsatsviden@cfbu-katalog.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!testBuild) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), TEST_ORIGIN])];
      }
    },
  },
});
