// End-to-end with real rich editors bundled from npm: Quill 2 on the page and Tiptap (ProseMirror) inside a
// same-origin iframe. Inserting goes through each editor's own model, and the editor's undo reverts it.
import type { Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodySnapshot,
  bundleFixtures,
  launch,
  overlap,
  pages,
  serve,
  underlineBoxes,
  waitForUnderlines,
  type Launched,
  type Rect,
} from './e2e-helpers.js';

let server: Server;
let origin: string;
let browser: Launched;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  ({ server, origin } = await serve({ ...pages(), ...(await bundleFixtures()) }));
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(`${origin}/editors.html`);
  await page.waitForFunction(() => 'quill' in window);
  frame = page.frames().find((f) => f.url().endsWith('/tiptap.html'))!;
  await frame.waitForFunction(() => 'editor' in window);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

function wordRects(p: Page | Frame, selector: string, word: string): Promise<Rect[]> {
  return p.evaluate(
    ([sel, w]) => {
      const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
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

async function frameOffset(): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const f = document.getElementById('frame')!;
    const r = f.getBoundingClientRect();
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
  });
}

async function hoverOpen(p: Page | Frame, id: string, offset = { x: 0, y: 0 }): Promise<void> {
  const [box] = await underlineBoxes(p, id);
  expect(box).toBeDefined();
  await page.mouse.move(1, 1);
  await page.mouse.move(offset.x + box!.left + box!.width / 2, offset.y + box!.top + box!.height / 2, { steps: 4 });
  await p.waitForFunction(
    (typeId) =>
      !!document
        .querySelector('indsatsviden-host')
        ?.shadowRoot?.querySelector(`.card:popover-open [data-type-id="${typeId}"]`),
    id,
    { timeout: 10_000 },
  );
}

describe('rich editors', () => {
  it('underlines words in Quill and in Tiptap inside an iframe on their range rects', async () => {
    await waitForUnderlines(page, 1);
    await waitForUnderlines(frame, 1);
    const [q] = await underlineBoxes(page, 'tryghedsvandringer');
    const [qw] = await wordRects(page, '#quill', 'tryghedsvandringer');
    expect(overlap(q!, qw!) / (qw!.width * qw!.height)).toBeGreaterThan(0.9);
    const [t] = await underlineBoxes(frame, 'bydelsmoedre');
    const [tw] = await wordRects(frame, '#tiptap', 'Bydelsmødre');
    expect(overlap(t!, tw!) / (tw!.width * tw!.height)).toBeGreaterThan(0.9);
  });

  it('does not change the editors’ DOM while scanning, scrolling and showing the card', async () => {
    const before = await bodySnapshot(page);
    const beforeFrame = await bodySnapshot(frame);
    await page.setViewportSize({ width: 900, height: 700 });
    await hoverOpen(page, 'tryghedsvandringer');
    await page.mouse.move(1, 1);
    await page.waitForTimeout(700);
    expect(await bodySnapshot(page)).toBe(before);
    expect(await bodySnapshot(frame)).toBe(beforeFrame);
  });

  it('inserts into Quill through its model, and one undo reverts it', async () => {
    const before = await page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText());
    await hoverOpen(page, 'tryghedsvandringer');
    await page.locator('indsatsviden-host .card button[data-kind="evidens"]').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText()))
      .toContain('Evidensgrundlag: Tryghedsvandringer');
    const after = await page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText());
    expect(after.indexOf('Evidensgrundlag')).toBeGreaterThan(after.indexOf('området.'));
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText()))
      .toBe(before);
  });

  it('inserts into Tiptap in the iframe through its model, and one undo reverts it', async () => {
    const getText = () => frame.evaluate(() => (window as unknown as { editor: { getText(): string } }).editor.getText());
    const before = await getText();
    await hoverOpen(frame, 'bydelsmoedre', await frameOffset());
    await frame.locator('indsatsviden-host .card button[data-kind="forudsaetninger"]').click();
    await expect.poll(getText).toContain('Grundforudsætninger: Bydelsmødre');
    await page.keyboard.press('Control+z');
    await expect.poll(getText).toBe(before);
  });

  it('sent no request beyond 127.0.0.1 and the extension itself', () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('chrome-extension://'));
    expect(foreign).toEqual([]);
  });
});
