// Normalises text as it arrives from editors (case, soft hyphens, line-break hyphenation, no-break spaces, "&",
// é written as e) while keeping an exact map back to UTF-16 offsets in the original. Most text has none of the
// special characters, so the common path is a single toLowerCase() and an identity map.

/** A piece of the normalised text that replaced a piece of the original of another length. */
interface Replacement {
  normStart: number;
  normLength: number;
  srcStart: number;
  srcLength: number;
}

export interface Normalized {
  /** Lower-cased, normalised text; the detector searches this. */
  readonly text: string;
  /** Original offset of the normalised character at `i`. */
  toSource(i: number): number;
  /** Original offset just after the normalised character at `i - 1` (for exclusive span ends). */
  toSourceEnd(i: number): number;
}

const CONJUNCTION = /^[ \t]*(?:og|eller|samt|&)(?![\p{L}\p{N}])/u;

// Soft hyphen; no-break, narrow and figure spaces; non-ASCII hyphens; "&"; accented e; hyphen before a line break.
const SPECIAL = /\u00ad|[\u00a0\u2007\u202f]|[\u2010\u2011]|&|[éèêë]|-[ \t]*\r?\n[ \t]*/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function normalize(input: string): Normalized {
  let lower = input.toLowerCase();
  if (lower.length !== input.length) lower = lowerPerCodeUnit(input);
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(lower)) return identity(lower);

  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let src = 0; // consumed source offset
  let norm = 0; // produced normalised length
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(lower); m; m = SPECIAL.exec(lower)) {
    const at = m.index;
    const found = m[0];
    let replacement: string;
    const c = found.charCodeAt(0);
    if (c === 0x2d /* "-" + line break */) {
      const before = lower[at - 1];
      const after = lower.slice(at + found.length, at + found.length + 8);
      // Join a word broken over a line ("lektie-\ncaféer"), but keep an ellipsis ("Lommepenge-\nog fritidsjob").
      if (before && LETTER_OR_DIGIT.test(before) && /^[\p{L}]/u.test(after) && !CONJUNCTION.test(after)) {
        replacement = '';
      } else {
        // Not a broken word: keep only the hyphen and the newline as whitespace.
        SPECIAL.lastIndex = at + 1;
        continue;
      }
    } else if (c === 0xad) replacement = '';
    else if (c === 0x26) replacement = 'og';
    else if (c === 0x2010 || c === 0x2011) replacement = '-';
    else if (c === 0xa0 || c === 0x2007 || c === 0x202f) replacement = ' ';
    else replacement = 'e';
    parts.push(lower.slice(src, at), replacement);
    norm += at - src;
    if (replacement.length !== found.length) {
      replacements.push({ normStart: norm, normLength: replacement.length, srcStart: at, srcLength: found.length });
    }
    norm += replacement.length;
    src = at + found.length;
  }
  parts.push(lower.slice(src));
  if (replacements.length === 0) return identity(parts.join(''));
  return mapped(parts.join(''), replacements, input.length);
}

function identity(text: string): Normalized {
  return { text, toSource: (i) => i, toSourceEnd: (i) => i };
}

function mapped(text: string, replacements: Replacement[], srcLength: number): Normalized {
  const starts = replacements.map((r) => r.normStart);
  /** Index of the last replacement starting at or before i, or -1. */
  const find = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const toSource = (i: number): number => {
    const k = find(i);
    if (k < 0) return i;
    const r = replacements[k]!;
    // Characters after a replacement shift by the difference in length; inside it map to its start.
    if (i < r.normStart + r.normLength) return r.srcStart;
    return r.srcStart + r.srcLength + (i - r.normStart - r.normLength);
  };
  const toSourceEnd = (i: number): number => {
    if (i <= 0) return 0;
    if (i >= text.length) return srcLength - (text.length - i);
    const k = find(i - 1);
    if (k < 0) return i;
    const r = replacements[k]!;
    if (i - 1 < r.normStart + r.normLength) return r.srcStart + r.srcLength;
    return r.srcStart + r.srcLength + (i - r.normStart - r.normLength);
  };
  return { text, toSource, toSourceEnd };
}

/** Lower-cases without changing length (a few characters, such as "İ", grow under toLowerCase()). */
function lowerPerCodeUnit(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}
