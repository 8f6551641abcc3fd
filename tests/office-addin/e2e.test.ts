// End-to-end: the built task pane in real Chromium, office.js served locally, against a fake Word host holding a
// realistic plan. Office.onReady reports no host outside Office, so the pane uses the in-memory document the test
// host provides; everything else (bundle, office.js, Preact UI) is the production build.
import axe from 'axe-core';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePlan } from '../../core/analysis.js';
import { parseBlockTag } from '../../core/blocks.js';
import { buildAddinInto } from './build.js';
import { planParagraphs } from './fixtures/plan.js';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_DIST = join(process.cwd(), 'node_modules/@microsoft/office-js/dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

let outDir = '';
let server: Server;
let origin = '';
let browser: Browser;
let page: Page;
const external: string[] = [];
// office.js's own logger outside an Office host (o15apptofilemappingtable.js) loads this frame after 3 s; it is
// Microsoft's script, not the pane's. Every other outside request fails the test.
const OFFICE_JS_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/';
const paneRequests = () => external.filter((u) => !u.startsWith(OFFICE_JS_TELEMETRY));
const officeJsRequests: string[] = [];

function serve(root: string, urlPath: string) {
  const file = normalize(join(root, decodeURIComponent(urlPath)));
  return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : null;
}

beforeAll(async () => {
  const built = buildAddinInto('https://localhost:3000');
  expect(built.status, built.stderr).toBe(0);
  outDir = built.outDir;
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/' || path === '/index.html') {
      // The production page names Microsoft's CDN; the test serves the local copy of the same office.js instead.
      const html = readFileSync(join(outDir, 'index.html'), 'utf8').replace(CDN, '/office-js/office.js');
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(html);
      return;
    }
    const file = path.startsWith('/office-js/') ? serve(OFFICE_DIST, path.slice('/office-js'.length)) : serve(outDir, path);
    if (path.startsWith('/office-js/')) officeJsRequests.push(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.addInitScript((paragraphs) => {
    (window as unknown as { __INDSATSVIDEN_TEST_HOST__: unknown }).__INDSATSVIDEN_TEST_HOST__ = { paragraphs, rescanDebounceMs: 50 };
  }, planParagraphs);
  await page.goto(`${origin}/index.html`);
  await page.getByTestId('evidence-count').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (outDir) rmSync(dirname(outDir), { recursive: true, force: true });
});

const input = (ps: typeof planParagraphs) => ps.map((p) => (p.heading ? { text: p.text, heading: true, level: p.level } : { text: p.text }));

async function axeSeriousViolations() {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const fakeDoc = <T,>(fn: (doc: { paragraphs: { text: string; control?: string }[]; selection: { paragraph: number; start: number; end: number } }) => T) =>
  page.evaluate(fn as never) as Promise<T>;

describe('task pane in Chromium', () => {
  it('loads the built pane with the local office.js and makes no outside request', async () => {
    expect(officeJsRequests).toContain('/office-js/office.js');
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    expect(paneRequests()).toEqual([]);
  });

  it('shows the overview numbers core computes for the same plan, readable at 320 px, without serious axe violations', async () => {
    const expected = analysePlan(input(planParagraphs));
    await expect.poll(() => page.getByTestId('evidence-count').textContent()).toBe(`${expected.evidence.documented} af ${expected.evidence.total}`);
    expect(await page.getByTestId('evidence-share').textContent()).toBe(`${Math.round(expected.evidence.share! * 100)} %`);
    expect(await page.getByTestId('count-name').textContent()).toBe(String(expected.counts.name));
    expect(await page.getByTestId('count-concept').textContent()).toBe(String(expected.counts.concept));
    expect(await page.getByTestId('verdict').textContent()).toBe(expected.verdict);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeSeriousViolations()).toEqual([]);
  });

  it('lists the findings (reached by keyboard) and go-to selects the right occurrence', async () => {
    await page.locator('#tab-oversigt').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#tab-fund').getAttribute('aria-selected')).toBe('true');
    const expected = analysePlan(input(planParagraphs));
    for (const f of expected.findings) {
      const card = page.getByTestId(`finding-${f.id}`).and(page.locator(`[data-tier="${f.tier}"]`));
      expect(await card.getByTestId('occurrence-count').textContent()).toBe(String(f.count));
    }
    expect(await page.locator('.finding').count()).toBe(expected.findings.length);
    expect(await page.getByTestId('group-concept').count()).toBe(expected.counts.concept > 0 ? 1 : 0);

    const card = page.getByTestId('finding-lektiecafeer');
    const occurrence = expected.findings.find((f) => f.id === 'lektiecafeer')!.occurrences[2]!;
    await card.getByRole('button', { name: /Gå til forekomst 3 af 3/ }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => fakeDoc(() => (window as never as { __indsatsvidenDocument: { selection: unknown } }).__indsatsvidenDocument.selection))
      .toEqual({ paragraph: occurrence.paragraph, start: occurrence.start, end: occurrence.end });
    // The preview of the description shows on keyboard focus of the name.
    await card.locator('.finding-name').focus();
    expect(await card.locator('.preview').isVisible()).toBe(true);
    expect(await axeSeriousViolations()).toEqual([]);
  });

  it('inserts a text block into the document after the selection, tagged', async () => {
    await page.locator('#tab-katalog').click();
    await page.getByLabel('Søg efter aktivitetstype').fill('bydels');
    await expect.poll(() => page.getByTestId('catalogue-count').textContent()).toBe('1 af 40 aktivitetstyper');
    await page.getByRole('button', { name: 'Bydelsmødre', exact: true }).click();
    await page.getByTestId('details').waitFor();
    expect(await axeSeriousViolations()).toEqual([]);
    const before = await fakeDoc(() => (window as never as { __indsatsvidenDocument: { paragraphs: unknown[] } }).__indsatsvidenDocument.paragraphs.length);
    await page.getByTestId('insert-evidens').click();
    // The go-to left a word selected: the pane asks before writing.
    await page.getByTestId('confirm-insert').click();
    const after = await fakeDoc(() => (window as never as { __indsatsvidenDocument: { paragraphs: { text: string; control?: string }[] } }).__indsatsvidenDocument.paragraphs);
    expect(after.length).toBeGreaterThan(before);
    const tags = [...new Set(after.map((p) => p.control).filter(Boolean))];
    expect(tags.map((t) => parseBlockTag(t!)?.id)).toEqual(['bydelsmoedre/evidens']);
    await expect.poll(() => page.getByTestId('details').textContent()).toContain('allerede i dokumentet');
  });

  it('updates the overview after an edit in the document', async () => {
    await page.locator('#tab-oversigt').click();
    const current = await fakeDoc(() => (window as never as { __indsatsvidenDocument: { paragraphs: { text: string; heading?: boolean; level?: number }[] } }).__indsatsvidenDocument.paragraphs);
    const index = current.findIndex((p) => p.text.startsWith('Budgettet'));
    const text = 'Vi starter lommepengeprojekter og motionsaktiviteter for seniorer.';
    await page.evaluate(
      ([i, t]) => (window as never as { __indsatsvidenDocument: { edit(i: number, t: string): void } }).__indsatsvidenDocument.edit(i as number, t as string),
      [index, text] as const,
    );
    const edited = current.map((p, i) => (i === index ? { ...p, text } : p));
    const expected = analysePlan(input(edited));
    await expect.poll(() => page.getByTestId('evidence-count').textContent()).toBe(`${expected.evidence.documented} af ${expected.evidence.total}`);
    expect(expected.evidence.total).toBeGreaterThan(analysePlan(input(current)).evidence.total);
    expect(paneRequests()).toEqual([]);
  });
});
