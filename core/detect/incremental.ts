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

interface Piece {
  /** The paragraph's text. */
  text: string;
  /** The blank-line separator after it ("" for the last paragraph). */
  sep: string;
  /** Matches with offsets relative to the paragraph's start. */
  matches: Match[];
}

const SEPARATOR = /\n[ \t\r]*\n(?:[ \t\r]*\n)*/g;

function split(text: string): { text: string; sep: string }[] {
  const out: { text: string; sep: string }[] = [];
  let last = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
    out.push({ text: text.slice(last, m.index), sep: m[0] });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), sep: '' });
  return out;
}

/**
 * A text kept as paragraphs, each with its own matches, so that an edit re-detects only the paragraphs it touches
 * (with enough text around them for the context rules) and never copies or rescans the rest of the text.
 * Matches equal a full scan of the same text.
 */
export class IncrementalText {
  private pieces: Piece[];
  private starts: number[] = [];
  private joined: string | undefined;

  constructor(
    private readonly detector: Detector,
    text: string,
  ) {
    const all = detector.detect(text);
    this.pieces = split(text).map((p) => ({ ...p, matches: [] }));
    this.reindex();
    let k = 0;
    for (const m of all) {
      while (k + 1 < this.starts.length && this.starts[k + 1]! <= m.start) k++;
      const at = this.starts[k]!;
      this.pieces[k]!.matches.push({ ...m, start: m.start - at, end: m.end - at });
    }
    this.joined = text;
  }

  get text(): string {
    this.joined ??= this.pieces.map((p) => p.text + p.sep).join('');
    return this.joined;
  }

  get paragraphCount(): number {
    return this.pieces.length;
  }

  /** All matches with offsets into the whole text. */
  matches(): Match[] {
    const out: Match[] = [];
    this.pieces.forEach((p, k) => {
      const at = this.starts[k]!;
      for (const m of p.matches) out.push({ ...m, start: m.start + at, end: m.end + at });
    });
    return out;
  }

  /** Applies an edit and re-detects the paragraphs it touched; returns how many paragraphs were re-detected. */
  edit(edit: Edit): number {
    const a = this.owner(edit.start);
    let b = this.owner(Math.max(edit.start, edit.end - 1));
    const base = this.starts[a]!;
    let region = '';
    for (let k = a; k <= b; k++) region += this.pieces[k]!.text + this.pieces[k]!.sep;
    region = region.slice(0, edit.start - base) + edit.insert + region.slice(edit.end - base);
    let parts = split(region);
    for (;;) {
      const last = parts[parts.length - 1]!;
      if (parts.length > 1 && last.text === '' && last.sep === '') {
        parts.pop(); // the region ends with its separator, as a paragraph should
        break;
      }
      if (last.sep !== '' || b + 1 >= this.pieces.length) break;
      // The edit removed the separator: the next paragraph joins the edited one.
      b++;
      region += this.pieces[b]!.text + this.pieces[b]!.sep;
      parts = split(region);
    }
    // Context around the region, as a full scan would see it.
    let before = '';
    for (let k = a - 1; k >= 0 && before.length < CONTEXT_REACH; k--) before = this.pieces[k]!.text + this.pieces[k]!.sep + before;
    let after = '';
    for (let k = b + 1; k < this.pieces.length && after.length < CONTEXT_REACH; k++) after += this.pieces[k]!.text + this.pieces[k]!.sep;
    before = before.slice(Math.max(0, before.lastIndexOf('\n', before.length - CONTEXT_REACH)));
    after = after.slice(0, Math.max(after.indexOf('\n', CONTEXT_REACH), Math.min(after.length, CONTEXT_REACH)));
    const found = this.detector.detect(before + region + after);
    let offset = before.length;
    const fresh: Piece[] = parts.map((p) => {
      const from = offset;
      const to = from + p.text.length + p.sep.length;
      offset = to;
      return {
        ...p,
        matches: found
          .filter((m) => m.start >= from && m.start < to)
          .map((m) => ({ ...m, start: m.start - from, end: m.end - from })),
      };
    });
    this.pieces.splice(a, b - a + 1, ...fresh);
    this.reindex(a);
    this.joined = undefined;
    return fresh.length;
  }

  private owner(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private reindex(from = 0): void {
    this.starts.length = this.pieces.length;
    let at = from === 0 ? 0 : this.starts[from - 1]! + this.pieces[from - 1]!.text.length + this.pieces[from - 1]!.sep.length;
    for (let k = from; k < this.pieces.length; k++) {
      this.starts[k] = at;
      at += this.pieces[k]!.text.length + this.pieces[k]!.sep.length;
    }
  }
}
