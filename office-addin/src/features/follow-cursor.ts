// Follows the writer's cursor: when the selection lies inside a mention, the panel opens that type's card.
import type { Match } from '../../../core/detect/index.js';
import type { WordDocument } from '../word/document.js';

export const FOLLOW_DEBOUNCE_MS = 150;

/** The match the selection [start, end] lies in (a caret on either edge counts). */
export function mentionAt(matches: readonly Match[], start: number, end: number): Match | undefined {
  return matches.find((m) => m.start <= start && end <= m.end);
}

export function init(
  signal: AbortSignal,
  doc: WordDocument,
  matchesFor: (paragraphText: string) => Match[],
  onMention: (match: Match) => void,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  doc.onSelectionChanged(() => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (signal.aborted) return;
      const selection = await doc.readSelection().catch(() => null);
      if (!selection || signal.aborted) return;
      const match = mentionAt(matchesFor(selection.paragraphText), selection.start, selection.end);
      if (match) onMention(match);
    }, FOLLOW_DEBOUNCE_MS);
  }, signal);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
