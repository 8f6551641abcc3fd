// Starts the content script's features in this frame, once per frame even when injected twice (manifest and
// run-time registration overlap on the preset site).
import * as hoverCard from '../features/hover-card.js';
import * as report from '../features/report.js';
import * as underlines from '../features/underlines.js';
import type { PageContext } from '../features/context.js';
import { createHost, HOST_TAG } from './host.js';
import { enabledFor, pageKeyOf } from './settings.js';
import { Tracker } from './tracker.js';

const STARTED = Symbol.for('indsatsviden.started');

function topUrl(): string {
  try {
    // Same-origin frames share the top page's key, so "set aside on this page" covers their fields too.
    return window.top?.location.href ?? location.href;
  } catch {
    return location.href;
  }
}

export async function start(signal: AbortSignal): Promise<void> {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[STARTED] || document.querySelector(`:scope > ${HOST_TAG}`)) return;
  const url = location.href === 'about:blank' || location.href === 'about:srcdoc' ? topUrl() : location.href;
  if (!(await enabledFor(url)) && !(await enabledFor(topUrl()))) return;
  g[STARTED] = true;
  signal.addEventListener('abort', () => (g[STARTED] = false), { once: true });
  const host = createHost(document, signal);
  const tracker = new Tracker(document, host, signal);
  const ctx: PageContext = { doc: document, host, tracker, pageKey: pageKeyOf(topUrl()) };
  await underlines.init(signal, ctx);
  hoverCard.init(signal, ctx);
  report.init(signal, ctx);
}
