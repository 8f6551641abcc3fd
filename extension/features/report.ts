// Tells the background which activity types this frame's fields mention, so the popup and side panel can show the
// page's findings. Only matches are sent (ids, tiers, the matched words), inside the extension; nothing leaves it.
import { browser } from '../lib/browser.js';
import type { FrameReport } from '../lib/settings.js';
import type { PageContext } from './context.js';

export function init(signal: AbortSignal, { tracker, pageKey, doc }: PageContext): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSignature = '';
  const send = () => {
    timer = undefined;
    if (signal.aborted) return;
    tracker.detectAll();
    const report: FrameReport = {
      url: doc.location.href,
      pageKey,
      fields: [...tracker.fields.values()]
        .filter((f) => f.matches.length > 0)
        .map((f) => f.matches.map(({ id, tier, start, end, text, pattern }) => ({ id, tier, start, end, text, pattern }))),
      at: Date.now(),
    };
    // Typing shifts offsets on every keystroke; the panels only need to hear when the types found change.
    const signature = report.fields.map((ms) => ms.map((m) => `${m.id}:${m.tier}`).join(',')).join('|');
    if (signature === lastSignature) return;
    lastSignature = signature;
    browser.runtime.sendMessage({ type: 'iv:report', report }).catch(() => {
      // The background may be restarting; the next change reports again.
    });
  };
  const later = () => {
    if (timer === undefined) timer = setTimeout(send, 500);
  };
  const off = tracker.onMatchesChanged(later);
  // Off-screen fields are detected in idle time, so the findings cover the whole page.
  const idle = setTimeout(send, 800);
  signal.addEventListener('abort', () => {
    off();
    clearTimeout(idle);
    if (timer) clearTimeout(timer);
  });
  browser.runtime.onMessage.addListener(function listener(message: unknown) {
    if (signal.aborted) {
      browser.runtime.onMessage.removeListener(listener);
      return undefined;
    }
    if ((message as { type?: string })?.type === 'iv:rescan') later();
    return undefined;
  });
}
