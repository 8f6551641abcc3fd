// Shared set-up of the extension's end-to-end tests: fixture pages served on 127.0.0.1, the rich-editor fixtures
// bundled with esbuild, and Debian's Chromium with the built test extension loaded.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_EXTENSION = join(ROOT, 'dist/extension-test/chrome-mv3');
const FIXTURES = join(import.meta.dirname, 'fixtures');

export const SHARED_TEXT = 'Vi vil starte en lektiecafé for børn i boligområdet. Vi ønsker også tryghedsvandringer.';

const page = (title: string, body: string, head = '') => `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 sans-serif;margin:24px} textarea,[contenteditable],.editor{width:560px}
[contenteditable]{border:1px solid #888;padding:6px;min-height:80px}</style>${head}</head>
<body>${body}</body></html>`;

export function pages(): Record<string, string> {
  return {
    '/plain.html': page(
      'Plain',
      `<h1>Ansøgning</h1>
<label for="ta">Beskrivelse</label><br>
<textarea id="ta" rows="6" cols="60">${SHARED_TEXT}</textarea>
<p>Ekstra felt:</p>
<div id="ce" contenteditable="true"><p>Vi samarbejder med bydelsmødre om familiekurser.</p></div>
<textarea id="off" spellcheck="false" rows="2" cols="40">Lektiecafé uden understregning.</textarea>
<input id="pw" type="password" value="lektiecafé">
<div id="later"></div>`,
    ),
    '/react.html': page('React', '<div id="root"></div><script src="/react-app.js"></script>'),
    '/editors.html': page(
      'Editors',
      `<h1>Editorer</h1>
<div id="quill" class="editor"></div>
<iframe id="frame" src="/tiptap.html" style="width:640px;height:260px;border:1px solid #999"></iframe>`,
      '<link rel="stylesheet" href="/quill.core.css"><script defer src="/quill-app.js"></script>',
    ),
    '/favicon.ico': '',
    '/tiptap.html': page(
      'Tiptap',
      '<div id="tiptap" class="editor" style="border:1px solid #888;padding:6px"></div><script src="/tiptap-app.js"></script>',
    ),
  };
}

export async function bundleFixtures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, entry] of [
    ['/react-app.js', 'react-app.ts'],
    ['/quill-app.js', 'quill-app.ts'],
    ['/tiptap-app.js', 'tiptap-app.ts'],
  ] as const) {
    const result = await build({
      entryPoints: [join(FIXTURES, entry)],
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    out[name] = result.outputFiles[0]!.text;
  }
  out['/quill.core.css'] = readFileSync(join(ROOT, 'node_modules/quill/dist/quill.core.css'), 'utf8');
  return out;
}

export async function serve(files: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  requests: string[];
  close: () => Promise<void>;
}

export async function launch(withExtension = true): Promise<Launched> {
  if (withExtension && !existsSync(join(TEST_EXTENSION, 'manifest.json'))) {
    throw new Error(`Test build missing: run npm run build:ext (${TEST_EXTENSION})`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'iv-chromium-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${TEST_EXTENSION}`, `--load-extension=${TEST_EXTENSION}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1000, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  let worker = context.serviceWorkers()[0];
  if (withExtension && !worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return {
    context,
    worker: worker!,
    extensionId: worker ? new URL(worker.url()).host : '',
    requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the extension's host exists in the page (or frame) and has drawn `count` underlines or more. */
export async function waitForUnderlines(p: Page | import('playwright-core').Frame, count = 1): Promise<void> {
  await p.waitForFunction(
    (n) => {
      const host = document.querySelector('indsatsviden-host');
      const boxes = host?.shadowRoot?.querySelectorAll('.u');
      return !!boxes && [...boxes].filter((b) => (b as HTMLElement).style.display !== 'none').length >= n;
    },
    count,
    { timeout: 15_000 },
  );
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The underline boxes drawn for a type, in viewport coordinates. */
export function underlineBoxes(p: Page | import('playwright-core').Frame, id: string): Promise<Rect[]> {
  return p.evaluate((typeId) => {
    const host = document.querySelector('indsatsviden-host');
    return [...(host?.shadowRoot?.querySelectorAll<HTMLElement>('.u') ?? [])]
      .filter((b) => b.dataset.id === typeId && b.style.display !== 'none')
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
  }, id);
}

/** The page's body, serialised, without anything of ours. */
export const bodySnapshot = (p: Page | import('playwright-core').Frame) =>
  p.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('indsatsviden-host').forEach((h) => h.remove());
    return new XMLSerializer().serializeToString(clone);
  });

export const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
