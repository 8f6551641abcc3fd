// The popup and side panel pages in Chromium: the page's findings with the documented share, the catalogue browser
// with every section of a type, and axe-core with no serious or critical violations.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pages, ROOT, serve, waitForUnderlines, type Launched } from './e2e-helpers.js';

let server: Server;
let origin: string;
let browser: Launched;
let tabId: number;

beforeAll(async () => {
  ({ server, origin } = await serve(pages()));
  browser = await launch();
  const page = await browser.context.newPage();
  await page.goto(`${origin}/plain.html`);
  await waitForUnderlines(page, 3);
  tabId = await browser.worker.evaluate(async (url) => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(url))!.id;
  }, origin);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function axe(p: Page) {
  await p.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[]; passes: unknown[] }> } }).axe.run();
    return { passes: r.passes.length, serious: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id) };
  });
}

describe('popup and side panel', () => {
  for (const name of ['popup', 'sidepanel'] as const) {
    it(`${name}: shows the page's findings with the documented share`, async () => {
      const p = await browser.context.newPage();
      await p.goto(`chrome-extension://${browser.extensionId}/${name}.html#tab=${tabId}`);
      const findings = p.locator('[data-finding]');
      await expect.poll(() => findings.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      const text = await p.locator('main').innerText();
      expect(text).toContain('Lektiecaféer');
      expect(text).toMatch(/\d+ af \d+ aktivitetstyper har dokumenteret virkning \(\d+ %\)/);
      expect(text).toContain('LBF kræver');
      const a = await axe(p);
      expect(a.passes).toBeGreaterThan(0);
      expect(a.serious).toEqual([]);
      await p.close();
    });
  }

  it('sets a finding aside on the page, and it stops counting', async () => {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/popup.html#tab=${tabId}`);
    const share = p.locator('.share');
    await expect.poll(() => share.innerText(), { timeout: 10_000 }).toMatch(/af/);
    const before = await share.innerText();
    await p.locator('[data-finding="lektiecafeer"] button', { hasText: 'Sæt til side' }).first().click();
    await expect.poll(() => share.innerText()).not.toBe(before);
    await expect.poll(() => p.locator('[data-finding="lektiecafeer"]').first().innerText()).toContain('sat til side');
    await p.close();
  });

  it('browses the catalogue: search, filters and all sections with the page', async () => {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await p.getByRole('button', { name: 'Katalog' }).click();
    await p.getByLabel('Søg').fill('lektie');
    await expect.poll(() => p.locator('ul.types li').count()).toBe(1);
    await p.getByLabel('Søg').fill('');
    await p.getByLabel('Evidens').selectOption('not-documented');
    const notDocumented = await p.locator('ul.types li').count();
    expect(notDocumented).toBeGreaterThan(0);
    expect(await p.locator('ul.types .badge.documented').count()).toBe(0);
    await p.getByLabel('Evidens').selectOption('');
    await p.getByLabel('Søg').fill('lektie');
    await p.locator('ul.types button.type').first().click();
    const details = p.locator('article[data-type-id="lektiecafeer"]');
    expect(await details.locator('section').count()).toBe(7);
    expect(await details.innerText()).toMatch(/s\. \d+/);
    const a = await axe(p);
    expect(a.serious).toEqual([]);
    await p.close();
  });

  it('options page passes axe', async () => {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await p.locator('code', { hasText: 'driftsstoette.lbf.dk' }).first().waitFor();
    const a = await axe(p);
    expect(a.serious).toEqual([]);
    await p.close();
  });
});
