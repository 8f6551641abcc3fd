// End-to-end in Debian's Chromium with the built test extension: plain textarea, contenteditable and a
// React-controlled textarea on pages served from 127.0.0.1.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodySnapshot,
  bundleFixtures,
  launch,
  overlap,
  pages,
  ROOT,
  serve,
  SHARED_TEXT,
  underlineBoxes,
  waitForUnderlines,
  type Launched,
  type Rect,
} from './e2e-helpers.js';

let server: Server;
let origin: string;
let browser: Launched;
let page: Page;

beforeAll(async () => {
  ({ server, origin } = await serve({ ...pages(), ...(await bundleFixtures()) }));
  browser = await launch();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Where the word starting at `start` in a textarea's first line is drawn, from canvas text metrics. */
function textareaWordRect(p: Page, selector: string, start: number, end: number): Promise<Rect> {
  return p.evaluate(
    ([sel, s, e]) => {
      const ta = document.querySelector(sel) as HTMLTextAreaElement;
      const cs = getComputedStyle(ta);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const r = ta.getBoundingClientRect();
      const left = r.left + ta.clientLeft + parseFloat(cs.paddingLeft) + ctx.measureText(ta.value.slice(0, s as number)).width;
      const width = ctx.measureText(ta.value.slice(s as number, e as number)).width;
      const lineHeight = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.2;
      return { left, top: r.top + ta.clientTop + parseFloat(cs.paddingTop), width, height: lineHeight };
    },
    [selector, start, end] as const,
  );
}

/** Client rects of the first occurrence of `word` inside `selector`, measured with a Range in the page. */
function wordRects(p: Page, selector: string, word: string): Promise<Rect[]> {
  return p.evaluate(
    ([sel, w]) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
      }
      return [];
    },
    [selector, word] as const,
  );
}

const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

async function openCardByHover(p: Page, id: string): Promise<void> {
  const [box] = await underlineBoxes(p, id);
  expect(box).toBeDefined();
  await p.mouse.move(0, 0);
  const c = centre(box!);
  await p.mouse.move(c.x, c.y, { steps: 4 });
  await p.waitForFunction(
    (typeId) => {
      const card = document.querySelector('indsatsviden-host')?.shadowRoot?.querySelector('.card');
      return !!card && card.matches(':popover-open') && !!card.querySelector(`[data-type-id="${typeId}"]`);
    },
    id,
    { timeout: 10_000 },
  );
}

describe('extension on a plain page', () => {
  it('leaves the page DOM as the server sent it', async () => {
    await page.goto(`${origin}/plain.html`);
    await waitForUnderlines(page, 3);
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return new XMLSerializer().serializeToString(doc.body);
    });
    const live = (await bodySnapshot(page)).replace(/ xmlns="[^"]*"/, '');
    expect(live).toBe(served.replace(/ xmlns="[^"]*"/, ''));
    const hosts = await page.evaluate(() => document.querySelectorAll('indsatsviden-host').length);
    expect(hosts).toBe(1);
  });

  it('underlines the matched words in a textarea where the browser draws them', async () => {
    const start = SHARED_TEXT.indexOf('lektiecafé');
    const boxes = await underlineBoxes(page, 'lektiecafeer');
    // One in #ta; none from the spellcheck=false textarea or the password field.
    expect(boxes).toHaveLength(1);
    const expected = await textareaWordRect(page, '#ta', start, start + 'lektiecafé'.length);
    expect(Math.abs(boxes[0]!.left - expected.left)).toBeLessThan(2.5);
    expect(Math.abs(boxes[0]!.width - expected.width)).toBeLessThan(2.5);
    expect(boxes[0]!.top).toBeGreaterThanOrEqual(expected.top - 3);
    expect(boxes[0]!.top + boxes[0]!.height).toBeLessThanOrEqual(expected.top + expected.height + 3);
  });

  it('underlines the matched words in a contenteditable on their range rects', async () => {
    const boxes = await underlineBoxes(page, 'bydelsmoedre');
    const words = await wordRects(page, '#ce', 'bydelsmødre');
    expect(boxes).toHaveLength(1);
    expect(words).toHaveLength(1);
    const a = boxes[0]!;
    const w = words[0]!;
    expect(overlap(a, w) / (w.width * w.height)).toBeGreaterThan(0.9);
    expect(Math.abs(a.left - w.left)).toBeLessThan(1);
  });

  it('follows the field when the page scrolls', async () => {
    await page.setViewportSize({ width: 1000, height: 300 });
    await page.evaluate(() => {
      document.body.style.paddingBottom = '2000px';
      window.scrollTo(0, 60);
    });
    await page.waitForTimeout(200);
    const [box] = await underlineBoxes(page, 'bydelsmoedre');
    const [word] = await wordRects(page, '#ce', 'bydelsmødre');
    expect(Math.abs(box!.top - word!.top)).toBeLessThan(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForTimeout(100);
  });

  it('finds fields added later', async () => {
    await page.evaluate(() => {
      const t = document.createElement('textarea');
      t.id = 'late';
      t.value = 'Senere felt: sociale viceværter hjælper beboerne.';
      document.getElementById('later')!.append(t);
    });
    await page.waitForFunction(() =>
      [...(document.querySelector('indsatsviden-host')?.shadowRoot?.querySelectorAll<HTMLElement>('.u') ?? [])].some(
        (b) => b.dataset.id === 'sociale-vicevaerter' && b.style.display !== 'none',
      ),
    );
  });

  it('opens the card on hover with the right type, and its keys stay out of the page', async () => {
    await openCardByHover(page, 'lektiecafeer');
    const card = page.locator('indsatsviden-host .card');
    await expect.poll(() => card.getAttribute('role')).toBe('dialog');
    const text = await card.innerText();
    expect(text).toContain('Lektiecaféer');
    expect(text).toContain('Dokumenteret virkning');
    expect(text).toMatch(/s\. \d+/);
    expect(text).toContain('Grundforudsætninger');
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
    });
    await card.locator('button[data-kind="evidens"]').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(false);
  });

  it('opens the card by keyboard at the caret, and Escape returns focus to the field', async () => {
    const at = SHARED_TEXT.indexOf('tryghedsvandringer') + 3;
    await page.focus('#ta');
    await page.evaluate((o) => (document.querySelector('#ta') as HTMLTextAreaElement).setSelectionRange(o, o), at);
    await page.keyboard.press('Alt+Shift+KeyI');
    const card = page.locator('indsatsviden-host .card');
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await card.locator('[data-type-id]').getAttribute('data-type-id')).toBe('tryghedsvandringer');
    const focused = await page.evaluate(
      () => document.querySelector('indsatsviden-host')!.shadowRoot!.activeElement?.getAttribute('data-kind') ?? null,
    );
    expect(focused).toBe('evidens');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ta');
  });

  it('inserts a block into the textarea as one edit that one undo reverts', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const before = await page.inputValue('#ta');
    await openCardByHover(page, 'lektiecafeer');
    await page.locator('indsatsviden-host .card button[data-kind="evidens"]').click();
    const after = await page.inputValue('#ta');
    const firstSentence = SHARED_TEXT.slice(0, SHARED_TEXT.indexOf('.') + 1);
    expect(after.startsWith(`${firstSentence}\n\nEvidensgrundlag: Lektiecaféer`)).toBe(true);
    expect(after).toContain('Kilde: CFBU');
    await page.keyboard.press('Control+z');
    expect(await page.inputValue('#ta')).toBe(before);
  });

  it('passes axe on the open card without serious or critical violations', async () => {
    await openCardByHover(page, 'bydelsmoedre');
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const r = await axe.run({ include: [{ fromShadowDom: ['indsatsviden-host', '.card'] }] }, { resultTypes: ['violations'] });
      return { passes: (r as unknown as { passes: unknown[] }).passes.length, list: r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length })) };
    });
    // axe looked at the card (rules passed there), and nothing serious or critical failed.
    expect(violations.passes).toBeGreaterThan(0);
    expect(violations.list.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

describe('extension with a React-controlled textarea', () => {
  it('inserts so that React state follows, and one undo reverts it', async () => {
    await page.goto(`${origin}/react.html`);
    await waitForUnderlines(page, 1);
    const before = await page.textContent('#react-state');
    await openCardByHover(page, 'lektiecafeer');
    await page.locator('indsatsviden-host .card button[data-kind="forudsaetninger"]').click();
    await expect.poll(() => page.textContent('#react-state')).toContain('Grundforudsætninger: Lektiecaféer');
    expect(await page.inputValue('#react-field')).toBe(await page.textContent('#react-state'));
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.textContent('#react-state')).toBe(before);
  });

  it('sent no request beyond 127.0.0.1 and the extension itself', () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('chrome-extension://'));
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
