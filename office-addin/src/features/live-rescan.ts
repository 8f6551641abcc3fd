// Rescans when Word reports edited paragraphs (or on the adapter's timer fallback), debounced so typing does not
// trigger a scan per keystroke.
import type { WordDocument } from '../word/document.js';

export const RESCAN_DEBOUNCE_MS = 400;

export function init(signal: AbortSignal, doc: WordDocument, rescan: () => void, debounceMs = RESCAN_DEBOUNCE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  doc.onParagraphsChanged(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!signal.aborted) rescan();
    }, debounceMs);
  }, signal);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
