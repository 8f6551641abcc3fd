// Re-detection after an edit: only the edited paragraph is scanned again (with enough text around it for the
// context rules), the rest of the previous matches are kept and shifted.
import type { Detector, Match } from './detector.js';

export interface Detected {
  text: string;
  matches: Match[];
}

export interface Edit {
  /** Range replaced in the previous text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The text that replaced it. */
  insert: string;
}

/** Context words are looked for this far around a mention; the rescanned window covers it. */
const CONTEXT_REACH = 400;

const BLANK_LINE = /\n[ \t\r]*\n/g;

function paragraphStart(text: string, at: number): number {
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m && m.index + m[0].length <= at; m = BLANK_LINE.exec(text)) {
    start = m.index + m[0].length;
  }
  return start;
}
function paragraphEnd(text: string, at: number): number {
  BLANK_LINE.lastIndex = at;
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}
function lineStart(text: string, at: number): number {
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

export function redetect(detector: Detector, previous: Detected, edit: Edit): Detected {
  const text = previous.text.slice(0, edit.start) + edit.insert + previous.text.slice(edit.end);
  const delta = edit.insert.length - (edit.end - edit.start);
  // The edited paragraph in the new text, looked up near the edit rather than from the start of a long text.
  const probe = Math.max(0, edit.start - 4096);
  const from = paragraphStart(text.slice(probe, edit.start), edit.start - probe) + probe;
  const to = paragraphEnd(text, edit.start + edit.insert.length);
  const windowFrom = lineStart(text, Math.max(0, from - CONTEXT_REACH));
  const windowTo = lineEnd(text, Math.min(text.length, to + CONTEXT_REACH));
  const fresh = detector
    .detect(text.slice(windowFrom, windowTo))
    .map((m) => ({ ...m, start: m.start + windowFrom, end: m.end + windowFrom }))
    .filter((m) => m.end > from && m.start < to);
  const oldTo = to - delta;
  const before = previous.matches.filter((m) => m.end <= from);
  const after = previous.matches
    .filter((m) => m.start >= oldTo)
    .map((m) => ({ ...m, start: m.start + delta, end: m.end + delta }));
  return { text, matches: [...before, ...fresh, ...after] };
}

/**
 * Paragraph-by-paragraph detection with a cache: a paragraph whose text did not change is not scanned again.
 * The Word add-in keeps one per document.
 */
export class ParagraphDetector {
  private cache = new Map<string, Match[]>();
  constructor(private readonly detector: Detector) {}

  detect(paragraphs: readonly string[]): Match[][] {
    const next = new Map<string, Match[]>();
    const result = paragraphs.map((p) => {
      const matches = next.get(p) ?? this.cache.get(p) ?? this.detector.detect(p);
      next.set(p, matches);
      return matches;
    });
    this.cache = next;
    return result;
  }
}
