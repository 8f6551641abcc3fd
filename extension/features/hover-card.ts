// The card for an underlined match: opens on hover, on Alt+Shift+I in a field, and (without taking focus) when a
// field gets focus with the caret on a match. Escape closes it and returns focus to the field.
import { createElement, render } from 'preact';
import type { BlockKind } from '../../core/index.js';
import { activityType, evidenceLabel } from '../../core/index.js';
import { Card } from '../components/Card.js';
import { browser } from '../lib/browser.js';
import { blockText } from '../lib/card-content.js';
import type { Box } from '../lib/geometry.js';
import { afterSentence, insertBlock } from '../lib/insert.js';
import type { Tracked } from '../lib/tracker.js';
import type { PageContext } from './context.js';

const HOVER_DELAY = 250;
const LEAVE_DELAY = 400;

interface Open {
  field: Tracked;
  index: number;
  id: string;
  start: number;
  /** Where a block goes: the caret if the field had focus, else after the sentence with the match. */
  insertAt: number;
  status?: string;
}

export function init(signal: AbortSignal, { doc, host, tracker }: PageContext): void {
  const win = doc.defaultView!;
  const card = host.card;
  let open: Open | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let pointer: { x: number; y: number; inCard: boolean } | undefined;
  let pointerFrame = false;
  let lastAnnounced = '';
  // Focus given back to a field on close must not open the card again.
  let returning: Tracked | undefined;

  const focusedField = (): Tracked | undefined => tracker.fieldOf(doc.activeElement);

  const close = (returnFocus: boolean) => {
    if (!open) return;
    const f = open.field;
    open = undefined;
    if (card.matches(':popover-open')) card.hidePopover();
    render(null, card);
    if (returnFocus) {
      returning = f;
      f.el.focus();
    }
  };

  const paint = () => {
    if (!open) return;
    const o = open;
    const m = o.field.matches[o.index];
    if (!m) return close(false);
    render(
      createElement(Card, {
        id: o.id,
        tier: m.tier,
        matched: m.text,
        status: o.status,
        onInsert: (kind: BlockKind) => insert(kind),
        onDetails: () => {
          browser.runtime.sendMessage({ type: 'iv:open-details', id: o.id }).catch(() => undefined);
        },
        onClose: () => close(true),
      }),
      card,
    );
  };

  const place = (anchor: Box) => {
    const vw = doc.documentElement.clientWidth || win.innerWidth;
    const vh = doc.documentElement.clientHeight || win.innerHeight;
    const r = card.getBoundingClientRect();
    let top = anchor.top + anchor.height + 6;
    if (top + r.height > vh - 8 && anchor.top - r.height - 6 >= 8) top = anchor.top - r.height - 6;
    top = Math.max(8, Math.min(top, vh - r.height - 8));
    const left = Math.max(8, Math.min(anchor.left, vw - r.width - 8));
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  };

  const show = (field: Tracked, index: number, takeFocus: boolean) => {
    const m = field.matches[index];
    if (!m) return;
    const focused = focusedField() === field;
    if (focused) tracker.updateCaret(field);
    const insertAt = focused && field.caret !== undefined ? field.caret : afterSentence(field.text, m.end);
    open = { field, index, id: m.id, start: m.start, insertAt };
    paint();
    if (!card.matches(':popover-open')) card.showPopover();
    place(tracker.matchBox(field, index) ?? field.el.getBoundingClientRect());
    if (takeFocus) card.querySelector<HTMLButtonElement>('.actions button')?.focus();
  };

  const insert = (kind: BlockKind) => {
    if (!open) return;
    const o = open;
    const text = blockText(o.id, kind);
    close(false);
    insertBlock(o.field, text, o.insertAt);
    tracker.markText(o.field);
    host.live.textContent = 'Tekstblokken er indsat. Fortryd med Ctrl+Z.';
  };

  // Hover: hit-test the pointer against the underline boxes once per frame.
  const checkPointer = () => {
    pointerFrame = false;
    if (!pointer) return;
    if (pointer.inCard) {
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
      return;
    }
    const hit = tracker.hitTest(pointer.x, pointer.y);
    if (hit && open && open.field === hit.field && open.index === hit.index) {
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
      return;
    }
    clearTimeout(hoverTimer);
    hoverTimer = undefined;
    if (hit) {
      hoverTimer = setTimeout(() => show(hit.field, hit.index, false), HOVER_DELAY);
    } else if (open && leaveTimer === undefined && !card.contains(host.root.activeElement)) {
      leaveTimer = setTimeout(() => {
        leaveTimer = undefined;
        if (!card.contains(host.root.activeElement) && !pointer?.inCard) close(false);
      }, LEAVE_DELAY);
    }
  };
  doc.addEventListener(
    'mousemove',
    (e) => {
      pointer = { x: e.clientX, y: e.clientY, inCard: e.composedPath().includes(card) };
      if (!pointerFrame) {
        pointerFrame = true;
        win.requestAnimationFrame(checkPointer);
      }
    },
    { capture: true, passive: true, signal },
  );

  // Keyboard: Alt+Shift+I in a field opens the card for the match at the caret (or the field's first match).
  doc.addEventListener(
    'keydown',
    (e) => {
      const f = focusedField();
      if (e.key === 'Escape' && open && f === open.field) {
        close(false);
        return;
      }
      if (!f || !e.altKey || !e.shiftKey || e.code !== 'KeyI') return;
      tracker.detectOne(f);
      tracker.updateCaret(f);
      const index = tracker.matchNear(f, f.caret) ?? tracker.matchNear(f, undefined);
      if (index === undefined) {
        host.live.textContent = 'Indsatsviden: ingen aktivitetstyper fundet i feltet.';
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      show(f, index, true);
    },
    { capture: true, signal },
  );
  card.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(true);
      }
    },
    { signal },
  );

  // Focus or caret on a match: announce it, and on focus show the card without taking focus.
  const atCaret = (f: Tracked) => {
    tracker.updateCaret(f);
    const i = tracker.matchNear(f, f.caret);
    return i === undefined ? undefined : { i, m: f.matches[i]! };
  };
  doc.addEventListener(
    'focusin',
    () => {
      const f = focusedField();
      if (!f) return;
      if (returning === f) {
        returning = undefined;
        return;
      }
      win.requestAnimationFrame(() => {
        if (focusedField() !== f) return;
        tracker.detectOne(f);
        const hit = atCaret(f);
        if (hit && !open) show(f, hit.i, false);
      });
    },
    { capture: true, passive: true, signal },
  );
  doc.addEventListener(
    'selectionchange',
    () => {
      const f = focusedField();
      if (!f) return;
      const hit = atCaret(f);
      const key = hit ? `${hit.m.id}@${hit.m.start}` : '';
      if (hit && key !== lastAnnounced) {
        const type = activityType(hit.m.id);
        if (type) {
          host.live.textContent = `Indsatsviden: ${type.name}, ${evidenceLabel(type.evidence).toLowerCase()}. Tryk Alt+Shift+I for kortet.`;
        }
      }
      lastAnnounced = key;
    },
    { passive: true, signal },
  );

  signal.addEventListener('abort', () => {
    clearTimeout(hoverTimer);
    clearTimeout(leaveTimer);
    close(false);
  });
}
