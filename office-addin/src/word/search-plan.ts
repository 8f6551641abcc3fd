// Maps a match (paragraph text + offsets) to Word searches: Word's paragraph.search() takes at most 255
// characters, treats "^" as an escape and cannot match control characters (tabs, soft line breaks) literally in a
// plain search. A long or awkward match is found as a head (its start) and a tail (its end) joined with expandTo.

/** Word's limit for a search string. */
export const SEARCH_LIMIT = 255;
// Room for "^" escapes doubling characters.
const SAFE_RAW = 120;
const CONTROL = /[\u0000-\u001f]/;

export interface SearchStep {
  /** The string to pass to search() (escaped for Word). */
  needle: string;
  /** Raw text the needle stands for. */
  raw: string;
  /** Which of Word's results (0-based, in document order) is the one. */
  occurrence: number;
}

export interface SearchPlan {
  head: SearchStep;
  /** Present when the head does not reach the end of the match. */
  tail?: SearchStep;
}

export const escapeForWordSearch = (raw: string) => raw.replace(/\^/g, '^^');

/** Start offsets of the non-overlapping occurrences of `needle` in `text`, left to right (as Word finds them). */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

function step(text: string, raw: string, at: number): SearchStep {
  const found = occurrences(text, raw);
  let occurrence = found.indexOf(at);
  // An occurrence hidden by an overlapping earlier one: take the nearest one before it.
  if (occurrence < 0) occurrence = Math.max(0, found.filter((p) => p <= at).length - 1);
  return { needle: escapeForWordSearch(raw), raw, occurrence };
}

export function planSearch(paragraphText: string, start: number, end: number): SearchPlan | null {
  if (start < 0 || end > paragraphText.length || end <= start) return null;
  const match = paragraphText.slice(start, end);
  const firstControl = match.search(CONTROL);
  const headLength = Math.min(firstControl < 0 ? match.length : firstControl, SAFE_RAW);
  if (headLength === 0) return null;
  const head = step(paragraphText, match.slice(0, headLength), start);
  if (headLength === match.length) return { head };
  // Tail: the end of the match after its last control character, at most SAFE_RAW long.
  let tailStart = Math.max(headLength, match.length - SAFE_RAW);
  for (let i = match.length - 1; i >= tailStart; i--) {
    if (CONTROL.test(match[i]!)) {
      tailStart = i + 1;
      break;
    }
  }
  if (tailStart >= match.length) return { head };
  const tailRaw = match.slice(tailStart);
  const tail = step(paragraphText, tailRaw, start + tailStart);
  return { head, tail };
}

/** How Word answers a plain (non-wildcard) search: the ranges of the needle's occurrences in `text`. */
export function emulateWordSearch(text: string, needle: string): { start: number; end: number }[] {
  if (needle.length > SEARCH_LIMIT) throw new Error('SearchStringInvalidOrTooLong');
  const raw = needle.replace(/\^\^/g, '\u0000');
  if (raw.includes('^')) throw new Error('Unsupported special character in search');
  const literal = raw.replace(/\u0000/g, '^');
  return occurrences(text, literal).map((s) => ({ start: s, end: s + literal.length }));
}
