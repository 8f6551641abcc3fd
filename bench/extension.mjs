// Benchmark of the browser extension: the cost of one keystroke in a 100,000-character textarea with many matches,
// from keydown until the frame after it has been rendered (median and 95th percentile), with the test build loaded
// and on the same page without the extension; and the size of each entry point of the Chrome build.
// Run: node bench/extension.mjs (after npm run build:ext). Writes bench/results/extension.json too.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, 'dist/extension-test/chrome-mv3');
const CHROME = join(ROOT, 'dist/extension/chrome-mv3');
const KEYS = Number(process.env.BENCH_KEYS ?? 80);

const paragraph =
  'Helhedsplanen rummer en lektiecafé for skolebørn, tryghedsvandringer med beboerne og bydelsmødre, der besøger ' +
  'familier. Vi vil også etablere en jobklub og familiekurser, og sociale viceværter hjælper i opgangene.\n\n' +
  'Beboerne skal inddrages i arbejdet, og aktiviteterne skal være åbne for alle i området hele året rundt.\n\n';
let text = '';
while (text.length < 100_000) text += paragraph;
text = text.slice(0, 100_000);

const html = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Bench</title></head><body>
<textarea id="t" rows="30" cols="100"></textarea>
<script>document.getElementById('t').value = ${JSON.stringify(text)};</script></body></html>`;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(withExtension, origin) {
  const dir = mkdtempSync(join(tmpdir(), 'iv-bench-'));
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    // Frames as fast as work allows: the measurement is work, not waiting for vsync.
    '--disable-frame-rate-limit', '--disable-gpu-vsync',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench.html`);
    if (withExtension) {
      await page.waitForFunction(() => (document.querySelector('indsatsviden-host')?.shadowRoot?.querySelectorAll('.u').length ?? 0) > 5, null, { timeout: 30_000 });
    } else {
      await page.waitForTimeout(500);
    }
    await page.focus('#t');
    // Type in the middle of the text, on screen.
    await page.evaluate(() => {
      const t = document.getElementById('t');
      const at = t.value.indexOf('jobklub') + 3;
      t.setSelectionRange(at, at);
      window.__times = [];
      window.addEventListener('keydown', () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__times.push(performance.now() - start), 0));
      }, true);
    });
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(200);
    const times = (await page.evaluate(() => window.__times)).slice(5).sort((a, b) => a - b);
    return { median: percentile(times, 50), p95: percentile(times, 95), samples: times.length };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sizes() {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|css|html)$/.test(name)) {
        const buf = readFileSync(p);
        out[relative(CHROME, p)] = { bytes: buf.length, gzip: gzipSync(buf).length };
      }
    }
  };
  walk(CHROME);
  return out;
}

const server = createServer((req, res) => {
  if (req.url === '/bench.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const matches = (text.match(/lektiecafé|tryghedsvandringer|bydelsmødre|jobklub|familiekurser|sociale viceværter/g) ?? []).length;
try {
  const baseline = await measure(false, origin);
  const extension = await measure(true, origin);
  const result = { textLength: text.length, approxMatches: matches, keystrokes: KEYS, baseline, extension, bundles: sizes() };
  const ms = (v) => `${v.toFixed(2)} ms`;
  console.log(`Browserudvidelse: tastetryk i textarea med ${text.length} tegn (~${matches} fund), ${baseline.samples} målinger`);
  console.log(`  uden udvidelse: median ${ms(baseline.median)}, p95 ${ms(baseline.p95)}`);
  console.log(`  med udvidelse:  median ${ms(extension.median)}, p95 ${ms(extension.p95)}`);
  console.log('  Størrelser (Chrome-build):');
  for (const [file, s] of Object.entries(result.bundles)) {
    console.log(`    ${file}: ${(s.bytes / 1024).toFixed(1)} kB (gzip ${(s.gzip / 1024).toFixed(1)} kB)`);
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/extension.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  server.close();
}
