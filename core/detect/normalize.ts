// Normalises text as it arrives from editors (case, soft hyphens, line-break hyphenation, no-break spaces, "&",
// é written as e) while keeping an exact map back to UTF-16 offsets in the original. One pass over the text into one
// byte per character: Danish fits in Latin-1, and every other character stands in by its class (a letter of another
// script reads as a letter, an emoji or a typographic quote as punctuation). Half the memory of UTF-16 to write and
// read again, cheaper than toLowerCase(), and linear on any input.

import { grown } from './typed.js';

/**
 * Pieces of the normalised text that replaced a piece of the original of another length, as parallel typed arrays
 * (a long draft has tens of thousands of soft hyphens: objects for each would keep the garbage collector busy).
 */
class Replacements {
  length = 0;
  normStart = new Int32Array(8);
  normLength = new Int32Array(8);
  srcStart = new Int32Array(8);
  srcLength = new Int32Array(8);
  /** Records that `srcLength` characters at `srcStart` vanish before normalised offset `normStart`. */
  remove(normStart: number, srcStart: number, srcLength: number): void {
    // A run of removed characters ("\u00ad\u00ad…") is one replacement: memory stays bounded by the text's words.
    const k = this.length - 1;
    if (k >= 0 && this.normLength[k] === 0 && this.normStart[k] === normStart && this.srcStart[k]! + this.srcLength[k]! === srcStart) {
      this.srcLength[k]! += srcLength;
      return;
    }
    this.push(normStart, 0, srcStart, srcLength);
  }

  push(normStart: number, normLength: number, srcStart: number, srcLength: number): void {
    if (this.length === this.normStart.length) {
      const size = this.length * 2;
      this.normStart = grown(this.normStart, size);
      this.normLength = grown(this.normLength, size);
      this.srcStart = grown(this.srcStart, size);
      this.srcLength = grown(this.srcLength, size);
    }
    const k = this.length++;
    this.normStart[k] = normStart;
    this.normLength[k] = normLength;
    this.srcStart[k] = srcStart;
    this.srcLength[k] = srcLength;
  }
}

export interface Normalized {
  /**
   * The buffer the units live in, with at least four zero units after them (can be handed back to `normalize` for
   * reuse once the units are no longer needed).
   */
  readonly buffer: Uint8Array<ArrayBuffer>;
  /** Lower-cased, normalised text as Latin-1 code units; the detector searches this without making a string. */
  readonly units: Uint8Array;
  /** Where the normalised text has a hyphen right after a letter or digit (each may end a truncated conjunct). */
  readonly hyphens: Int32Array;
  /** The same as a string (decoded on first use). */
  readonly text: string;
  /** Original offset of the normalised character at `i`. */
  toSource(i: number): number;
  /** Original offset just after the normalised character at `i - 1` (for exclusive span ends). */
  toSourceEnd(i: number): number;
}

// Characters that need more than a one-for-one replacement carry a flag above the 16 bits of a code unit, so that
// the loop tells them apart from the rest with one comparison.
const SPECIAL = 0x10000;
const DROP = SPECIAL | 0xad; // the character disappears (soft hyphen)
const AMP = SPECIAL | 0x26; // "&" becomes "og"
const HYPHEN = SPECIAL | 0x2d; // a hyphen may end a line inside a broken word
const DOT = SPECIAL | 0x2e; // a period may end a clipped word ("Bydelsm.")

/** Stands in for a letter or digit outside Latin-1 (ª is a letter). */
const OTHER_LETTER = 0xaa;
/** Stands in for any other character outside Latin-1: emoji, typographic quotes, symbols (¤ is no letter). */
const OTHER_MARK = 0xa4;
/** Stands in for the en dash (U+2013), which may stand inside a gap of a pattern ("Klub – og værested"). */
export const EN_DASH = 0x96;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** The one-byte form of a lower-cased character. */
function toByte(low: number): number {
  if (low <= 0xff) return low;
  return WORD_CHAR.test(String.fromCharCode(low)) ? OTHER_LETTER : OTHER_MARK;
}

/** Letters and digits among the one-byte units. */
const WORD_BYTE = new Uint8Array(0x100);
for (let c = 0; c < 0x100; c++) WORD_BYTE[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/** Lower case and one-for-one replacements for the Latin range; other characters are looked up on demand. */
const LATIN = new Uint32Array(0x250);
for (let c = 0; c < 0x250; c++) {
  const low = String.fromCharCode(c).toLowerCase();
  LATIN[c] = toByte(low.length === 1 ? low.charCodeAt(0) : c);
}
for (const c of [0xe9, 0xe8, 0xea, 0xeb, 0xc9, 0xc8, 0xca, 0xcb]) LATIN[c] = 0x65; // é è ê ë → e
LATIN[0xa0] = 0x20; // no-break space
LATIN[0xad] = DROP;
LATIN[0x26] = AMP;
LATIN[0x2d] = HYPHEN;
LATIN[0x2e] = DOT;

const wideCache = new Map<number, number>();
function lowerWide(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return OTHER_MARK; // surrogate halves (emoji)
  if (c === 0x2007 || c === 0x202f) return 0x20; // figure and narrow no-break spaces
  if (c === 0x2010 || c === 0x2011) return HYPHEN; // Unicode hyphens
  if (c === 0x2013) return EN_DASH;
  if (c >= 0x2000 && c <= 0x206f) return OTHER_MARK; // punctuation: quotes, dashes
  let low = wideCache.get(c);
  if (low === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    low = toByte(s.length === 1 ? s.charCodeAt(0) : c);
    wideCache.set(c, low);
  }
  return low;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LATIN_LETTER_OR_DIGIT = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) LATIN_LETTER_OR_DIGIT[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0;
const isLetterOrDigit = (c: number) =>
  c < 0x250 ? LATIN_LETTER_OR_DIGIT[c] === 1 : LETTER_OR_DIGIT.test(String.fromCharCode(c));

/**
 * Length of a "-" + line break that joins a word broken over a line ("lektie-\ncaféer"), or 0. A hyphen before
 * "og", "eller" or "samt" is an ellipsis ("Lommepenge-\nog fritidsjob") and stays.
 */
function brokenWordLength(input: string, at: number): number {
  let j = at + 1;
  while (input.charCodeAt(j) === 0x20 || input.charCodeAt(j) === 0x09) j++;
  if (input.charCodeAt(j) === 0x0d) j++;
  if (input.charCodeAt(j) !== 0x0a) return 0;
  j++;
  while (input.charCodeAt(j) === 0x20 || input.charCodeAt(j) === 0x09) j++;
  const next = input.charCodeAt(j);
  if (!(j < input.length && isLetterOrDigit(next) && next !== 0x2d)) return 0;
  if (/^(?:og|eller|samt)(?![\p{L}\p{N}])/iu.test(input.slice(j, j + 6))) return 0;
  return j - at;
}

function decode(units: Uint8Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  return s;
}

/**
 * Full words that clipped abbreviations may stand for ("Bydelsm." → "bydelsmor", "Fremsk. sundhedspl." →
 * "fremskud sundhedspleje"), from the detector's rules. A clipped word and its period are replaced by the full word
 * in the normalised text (the offset map keeps the span on "Bydelsm."), so every rule sees the whole word.
 */
export interface Expansions {
  /** `unitsHash` of every clipped form there is a full word for: most words before a period stop here. */
  readonly hashes: ReadonlySet<number>;
  /** The full word for a clipped one, or undefined. */
  expand(clipped: string): string | undefined;
}

/** FNV-1a hash of units [from, to). */
export function unitsHash(units: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
  return h >>> 0;
}

/**
 * Does the text go on within the sentence after the period before `at`: a lower-case word, a digit or punctuation
 * ("Bydelsm.: 14 aktive", "Fremsk. sundhedspl. i familiehuset")? Not after a sentence's end: a capital, a line break
 * or the end of the text ("… om sommer. Vi …" is no clipped "sommerfest").
 */
function continuesSentence(input: string, at: number): boolean {
  let j = at;
  while (j < input.length && (input.charCodeAt(j) === 0x20 || input.charCodeAt(j) === 0x09 || input.charCodeAt(j) === 0xa0)) j++;
  if (j >= input.length) return false;
  const next = input.charAt(j);
  return next !== '\n' && next !== '\r' && next === next.toLowerCase();
}

/** Clipped words are at least this long: shorter ones ("besk.") are too often something else. */
export const MIN_CLIPPED = 5;

export function normalize(input: string, reuse?: Uint8Array<ArrayBuffer>, expansions?: Expansions): Normalized {
  const n = input.length;
  // Room for one unit per character; only "&" (two units) checks for more.
  let out: Uint8Array<ArrayBuffer> = reuse && reuse.length >= n + 16 ? reuse : new Uint8Array(n + 16);
  let o = 0;
  const replacements = new Replacements();
  let hyphens = new Int32Array(8);
  let hyphenCount = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const low = c < 0x250 ? LATIN[c]! : lowerWide(c);
    if (low < SPECIAL) {
      out[o++] = low;
      continue;
    }
    if (low === DROP) {
      replacements.remove(o, i, 1);
      continue;
    }
    if (low === AMP) {
      if (o + 2 + (n - i) > out.length) out = grow(out);
      out[o] = 0x6f; // "og"
      out[o + 1] = 0x67;
      replacements.push(o, 2, i, 1);
      o += 2;
      continue;
    }
    if (low === DOT) {
      if (expansions && o >= MIN_CLIPPED && WORD_BYTE[out[o - 1]!] === 1) {
        // A clipped word? Only a plain word (no replacement inside it) that some full word begins with.
        let ow = o - 1;
        while (ow > 0 && WORD_BYTE[out[ow - 1]!] === 1 && o - ow < 40) ow--;
        const last = replacements.length - 1;
        const plain = last < 0 || replacements.normStart[last]! + replacements.normLength[last]! <= ow;
        if (plain && o - ow >= MIN_CLIPPED && continuesSentence(input, i + 1) && expansions.hashes.has(unitsHash(out, ow, o))) {
          const full = expansions.expand(decode(out.subarray(ow), o - ow));
          if (full) {
            const length = o - ow;
            if (ow + full.length + (n - i) + 16 > out.length) out = grow(out);
            for (let k = length; k < full.length; k++) out[ow + k] = full.charCodeAt(k);
            // The word and its period in the original stand for the full word.
            replacements.push(ow, full.length, i - length, length + 1);
            o = ow + full.length;
            continue;
          }
        }
      }
      out[o++] = 0x2e;
      continue;
    }
    // A hyphen.
    const skip = i > 0 && input.charCodeAt(i + 1) <= 0x20 ? brokenWordLength(input, i) : 0;
    if (skip > 0 && isLetterOrDigit(input.charCodeAt(i - 1))) {
      replacements.remove(o, i, skip);
      i += skip - 1;
      continue;
    }
    // Only a hyphen right after a letter or digit can end a truncated word ("børne- og …").
    if (o > 0 && WORD_BYTE[out[o - 1]!] === 1) hyphens = pushPosition(hyphens, hyphenCount++, o);
    out[o++] = 0x2d;
  }
  // Four zero units after the text: the detector looks a few characters ahead without bounds checks.
  if (out.length < o + 4) out = grow(out);
  out.fill(0, o, o + 4);
  const units = out.subarray(0, o);
  let text: string | undefined;
  const lazy = {
    buffer: out,
    units,
    hyphens: hyphens.subarray(0, hyphenCount),
    get text() {
      text ??= decode(out, o);
      return text;
    },
  };
  if (replacements.length === 0) return Object.assign(lazy, { toSource: (i: number) => i, toSourceEnd: (i: number) => i });
  return Object.assign(lazy, mapped(o, replacements, n));
}

/** Stores `value` at `index`, in a bigger array when needed. */
function pushPosition(positions: Int32Array<ArrayBuffer>, index: number, value: number): Int32Array<ArrayBuffer> {
  if (index === positions.length) positions = grown(positions, positions.length * 2);
  positions[index] = value;
  return positions;
}

const grow = (units: Uint8Array<ArrayBuffer>) => grown(units, units.length * 2 + 16);

function mapped(length: number, r: Replacements, srcLength: number): Pick<Normalized, 'toSource' | 'toSourceEnd'> {
  const { normStart, normLength, srcStart, srcLength: srcLengths } = r;
  /** Index of the last replacement starting at or before i, or -1 (a removal at i counts for the character at i). */
  const find = (i: number) => {
    let lo = 0;
    let hi = r.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (normStart[mid]! <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const toSource = (i: number): number => {
    const k = find(i);
    if (k < 0) return i;
    // Characters after a replacement shift by the difference in length; inside it map to its start.
    if (i < normStart[k]! + normLength[k]!) return srcStart[k]!;
    return srcStart[k]! + srcLengths[k]! + (i - normStart[k]! - normLength[k]!);
  };
  const toSourceEnd = (i: number): number => {
    if (i <= 0) return 0;
    if (i >= length) return srcLength - (length - i);
    // The end follows the last character of the span, before any removed characters that come after it.
    let k = find(i - 1);
    while (k >= 0 && normLength[k] === 0 && normStart[k] === i) k--;
    if (k < 0) return i;
    if (i - 1 < normStart[k]! + normLength[k]!) return srcStart[k]! + srcLengths[k]!;
    return srcStart[k]! + srcLengths[k]! + (i - normStart[k]! - normLength[k]!);
  };
  return { toSource, toSourceEnd };
}
