// Finds activity-type mentions in Danish text. Pure: no DOM, no I/O. Every match carries its exact UTF-16 range in
// the original input, the tier (name or concept), the rule that found it and, where context cannot decide between
// types that share a word, the other candidates.
import { EN_DASH, MIN_CLIPPED, normalize, unitsHash, type Expansions } from './normalize.js';
import { grown } from './typed.js';
import { MAX_GAP, parsePattern, PatternError, type Pattern, type WordPattern } from './patterns.js';

export type Tier = 'name' | 'concept';

export interface Match {
  id: string;
  start: number;
  end: number;
  text: string;
  tier: Tier;
  /** Other activity types the span may designate, when context could not decide. */
  candidates?: string[];
  /** The catalogue pattern that found the match (explains it). */
  pattern: string;
}

/** The part of an activity type the detector needs: its id and its rules from the catalogue. */
export interface RuleSource {
  id: string;
  detection: {
    terms: string[];
    concepts?: { cue: string; curated?: boolean }[];
    exclude?: string[];
    context?: string[];
    inLists?: string[];
  };
}

/** "list": a word that names the activity only inside a list of activities ("lektiecafé, lommepengejob og fritidsjob"). */
type Kind = 'term' | 'concept' | 'exclude' | 'list';

interface Rule {
  typeIndex: number;
  /** The kind, as stored in a hit list (TERM, CONCEPT, EXCLUDE, LIST). */
  code: number;
  /** Index of the rule in its detector (hits refer to their rule by it). */
  id: number;
  pattern: Pattern;
}

// Kinds as small integers in the hit list.
const TERM = 0;
const CONCEPT = 1;
const EXCLUDE = 2;
const LIST = 3;
const KIND_CODE: Record<Kind, number> = { term: TERM, concept: CONCEPT, exclude: EXCLUDE, list: LIST };

/**
 * Where rules matched, as parallel typed arrays: a long draft yields tens of thousands of hits, and neither objects
 * nor growing plain arrays of that size come cheap (V8 copies large arrays into the old generation as they grow).
 */
class HitList {
  length = 0;
  // Small at first: arrays of up to 64 bytes live on V8's heap, larger ones need an ArrayBuffer of their own, and many
  // short-lived ArrayBuffers (one list per context window) count as external memory that brings on full collections.
  type = new Int32Array(8);
  kind = new Uint8Array(8);
  start = new Int32Array(8);
  end = new Int32Array(8);
  rule = new Int32Array(8);

  /** Empties the list for reuse. */
  clear(): this {
    this.length = 0;
    return this;
  }

  push(type: number, kind: number, start: number, end: number, rule: number): void {
    if (this.length === this.type.length) this.grow();
    const k = this.length++;
    this.type[k] = type;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.rule[k] = rule;
  }

  private grow(): void {
    const size = this.type.length * 2;
    this.type = grown(this.type, size);
    this.kind = grown(this.kind, size);
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.rule = grown(this.rule, size);
  }
}

export interface Detector {
  /** All matches in `text`, sorted by start. */
  detect(text: string): Match[];
  /** The ids of the activity types the detector knows, in catalogue order. */
  readonly ids: readonly string[];
}

export class RuleError extends Error {}

// ---------- character classes (hot path: plain char codes, no regex) ----------

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Letters and digits of Latin-1 and Latin Extended as a table; the rest of Unicode asks the regex.
const LATIN_WORD = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) LATIN_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

const wideWord = new Map<number, boolean>();
function isWordCode(c: number): boolean {
  if (c < 0x250) return LATIN_WORD[c] === 1;
  // Quotes, dashes and other punctuation, and surrogate halves (emoji), are never part of a word.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0xd800 && c <= 0xdfff) || c !== c) return false;
  let word = wideWord.get(c);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCharCode(c));
    wideWord.set(c, word);
  }
  return word;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
const isHyphen = (c: number) => c === 0x2d;
// Inside a gap: words and light punctuation, never a sentence end.
const isGapPunct = (c: number) => c === 0x2c || c === 0x28 || c === 0x29 || c === EN_DASH || c === 0x2f;

// ---------- compiling rules ----------

export function createDetector(types: readonly RuleSource[]): Detector {
  const rules: Rule[] = [];
  const contextRules: Rule[] = [];
  const problems: string[] = [];
  types.forEach((type, typeIndex) => {
    const add = (kind: Kind, source: string) => {
      try {
        rules.push({ typeIndex, code: KIND_CODE[kind], id: rules.length, pattern: parsePattern(source) });
      } catch (e) {
        if (e instanceof PatternError) problems.push(`${type.id}: detection: ${e.message}`);
        else throw e;
      }
    };
    type.detection.terms.forEach((t) => add('term', t));
    type.detection.concepts?.forEach((c) => add('concept', c.cue));
    type.detection.exclude?.forEach((x) => add('exclude', x));
    type.detection.inLists?.forEach((x) => add('list', x));
    for (const c of type.detection.context ?? []) {
      try {
        contextRules.push({ typeIndex, code: TERM, id: contextRules.length, pattern: parsePattern(c) });
      } catch (e) {
        problems.push(`${type.id}: detection.context: ${(e as Error).message}`);
      }
    }
  });
  if (problems.length) throw new RuleError(problems.join('\n'));

  const scanner = new Scanner(rules);
  // One scanner for the context words of all types: a span in doubt is scored for all its types in one pass.
  const context = new Scanner(contextRules);
  const ids = types.map((t) => t.id);
  const sources = rules.map((r) => r.pattern.source);
  const expansions = clippedWords(rules, contextRules);
  // Rules that must not match a capitalised word inside a sentence ("^klubben").
  const lowerCase = rules.some((r) => r.pattern.lowerCase) ? Uint8Array.from(rules, (r) => (r.pattern.lowerCase ? 1 : 0)) : undefined;

  // One code-unit buffer reused across calls: detection is synchronous and never keeps the units afterwards.
  let scratch: Uint8Array<ArrayBuffer> | undefined;
  const detect = (input: string): Match[] => {
    if (input.length === 0) return [];
    const norm = normalize(input, scratch, expansions);
    scratch = norm.buffer;
    const text = new Units(norm.units, norm.buffer.subarray(0, norm.units.length + 4));
    const hits = scanner.scan(text, 0, text.length);
    if (lowerCase) dropCapitalisedNames(input, norm.toSource, hits, lowerCase);
    if (hits.length === 0 && norm.hyphens.length === 0) return [];
    addEllipsisHits(text, norm.hyphens, scanner, hits);
    const chosen = resolve(text, hits, context);
    const order = chosen.order();
    // Sized up front: an array pushed to tens of thousands of times is copied again and again.
    const matches = new Array<Match>(order.length);
    for (let i = 0; i < order.length; i++) {
      const k = order[i]!;
      const start = norm.toSource(chosen.start[k]!);
      const end = norm.toSourceEnd(chosen.end[k]!);
      const match: Match = {
        id: ids[chosen.type[k]!]!,
        start,
        end,
        text: input.slice(start, end),
        tier: chosen.concept[k] === 1 ? 'concept' : 'name',
        pattern: sources[chosen.rule[k]!]!,
      };
      const candidates = chosen.candidates.get(k);
      if (candidates) match.candidates = candidates.map((c) => ids[c]!);
      matches[i] = match;
    }
    return matches;
  };
  return { detect, ids };
}

/**
 * Removes the hits of "^" rules that begin with a capital letter inside a sentence: in Danish that is a name ("ved
 * Klubben" is a building), while the same word opening a sentence, a line or a list item is the ordinary word.
 */
function dropCapitalisedNames(input: string, toSource: (i: number) => number, hits: HitList, lowerCase: Uint8Array): void {
  let kept = 0;
  for (let k = 0; k < hits.length; k++) {
    if (lowerCase[hits.rule[k]!] === 1 && capitalisedInSentence(input, toSource(hits.start[k]!))) continue;
    if (kept !== k) {
      hits.type[kept] = hits.type[k]!;
      hits.kind[kept] = hits.kind[k]!;
      hits.start[kept] = hits.start[k]!;
      hits.end[kept] = hits.end[k]!;
      hits.rule[kept] = hits.rule[k]!;
    }
    kept++;
  }
  hits.length = kept;
}

/** Does the word at `at` begin with a capital letter, with no sentence or line start right before it? */
function capitalisedInSentence(input: string, at: number): boolean {
  const first = input.charAt(at);
  if (first === first.toLowerCase()) return false;
  let i = at - 1;
  while (i >= 0 && (input.charCodeAt(i) === 0x20 || input.charCodeAt(i) === 0x09 || input.charCodeAt(i) === 0xa0)) i--;
  // Text start, line start, sentence end, a list mark or an opening quote or bracket (not a colon: "Sted: Klubben").
  return i >= 0 && !SENTENCE_OPENERS.has(input.charAt(i));
}
const SENTENCE_OPENERS = new Set(['\n', '\r', '.', '!', '?', '•', '·', '–', '—', '-', '*', '>', '"', '»', '«', '„', '“', '(', '[', '☐', '☒', '✓']);

/** A span chosen for a match where several hits compete. */
/**
 * The full words a clipped abbreviation may stand for: the words of names and cues (not of exclusions), long enough
 * to be clipped. A clipped form must keep at least 60 % of the word, and must not itself be a word of any rule
 * ("forældre." at the end of a sentence is no clipped "forældrecafé").
 */
function clippedWords(rules: readonly Rule[], contextRules: readonly Rule[]): Expansions | undefined {
  const targets = new Set<string>();
  const whole = new Set<string>();
  for (const r of [...rules, ...contextRules]) {
    for (const w of r.pattern.words) {
      whole.add(w.stem);
      if ((r.code === TERM || r.code === CONCEPT) && !w.head && !w.exact && w.stem.length > MIN_CLIPPED) targets.add(w.stem);
    }
  }
  // Every clipped form that keeps at least 60 % of a full word, and is no word of a rule itself; the shortest full
  // word wins where two begin alike ("bydelsm." → "bydelsmor").
  const table = new Map<string, string>();
  for (const word of targets) {
    for (let k = Math.max(MIN_CLIPPED, Math.ceil(0.6 * word.length)); k < word.length; k++) {
      const clipped = word.slice(0, k);
      const known = table.get(clipped);
      if (!whole.has(clipped) && (!known || word.length < known.length || (word.length === known.length && word < known))) table.set(clipped, word);
    }
  }
  if (table.size === 0) return undefined;
  const hashes = new Set([...table.keys()].map((w) => unitsHash(Array.from(w, (ch) => ch.charCodeAt(0)), 0, w.length)));
  return { hashes, expand: (clipped) => table.get(clipped) };
}

interface Resolved {
  start: number;
  end: number;
  tier: Tier;
  typeIndex: number;
  candidates: number[];
  rule: number;
}

/**
 * The chosen spans in normalised offsets, as parallel typed arrays of a known capacity: one entry per match, and no
 * object until the match itself.
 */
class Chosen {
  length = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 for the concept tier. */
  readonly concept: Uint8Array;
  readonly type: Int32Array;
  readonly rule: Int32Array;
  /** Other possible types, for the few spans context could not decide. */
  readonly candidates = new Map<number, number[]>();

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.concept = new Uint8Array(capacity);
    this.type = new Int32Array(capacity);
    this.rule = new Int32Array(capacity);
  }

  push(start: number, end: number, concept: boolean, type: number, rule: number, candidates?: number[]): void {
    const k = this.length++;
    this.start[k] = start;
    this.end[k] = end;
    this.concept[k] = concept ? 1 : 0;
    this.type[k] = type;
    this.rule[k] = rule;
    if (candidates?.length) this.candidates.set(k, candidates);
  }

  /**
   * Indices by start. Spans are chosen in text order; only list words, added last, need to be merged in.
   */
  order(): Int32Array {
    const start = this.start;
    const order = new Int32Array(this.length);
    let sorted = this.length;
    for (let k = 1; k < this.length; k++) {
      if (start[k - 1]! > start[k]!) {
        sorted = k;
        break;
      }
    }
    if (sorted === this.length) {
      for (let k = 0; k < order.length; k++) order[k] = k;
      return order;
    }
    const tail = Array.from({ length: this.length - sorted }, (_, i) => sorted + i).sort((a, b) => start[a]! - start[b]! || a - b);
    let i = 0;
    let j = 0;
    for (let o = 0; o < order.length; o++) {
      const t = tail[j];
      order[o] = t !== undefined && (i >= sorted || start[t]! < start[i]!) ? (j++, t) : i++;
    }
    return order;
  }
}

// ---------- the normalised text as code units ----------

/**
 * The normalised text as UTF-16 code units, with the few string methods the matcher uses. Searching the units
 * directly saves materialising a second copy of a long text as a string.
 */
class Units {
  readonly length: number;
  /**
   * @param u the text
   * @param padded the same units followed by at least four zeros (the scanner's lookahead needs no bounds checks)
   */
  constructor(
    readonly u: Uint8Array,
    readonly padded: Uint8Array,
  ) {
    this.length = u.length;
  }
  charCodeAt(i: number): number {
    return i >= 0 && i < this.length ? this.u[i]! : NaN;
  }
  startsWith(stem: string, at: number): boolean {
    if (at < 0 || at + stem.length > this.length) return false;
    for (let k = 0; k < stem.length; k++) if (this.u[at + k] !== stem.charCodeAt(k)) return false;
    return true;
  }
  slice(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.length, to);
    let s = '';
    // apply() on the typed array, not spread: spreading walks the iterator protocol.
    for (let i = a; i < b; i += 4096) s += String.fromCharCode.apply(null, this.u.subarray(i, Math.min(b, i + 4096)) as unknown as number[]);
    return s;
  }
}

// ---------- scanning ----------

function unitsAt(u: Uint8Array, codes: Uint8Array, at: number): boolean {
  const n = codes.length;
  if (at + n > u.length) return false;
  for (let k = 0; k < n; k++) if (u[at + k] !== codes[k]) return false;
  return true;
}

interface Anchor {
  stem: string;
  codes: Uint8Array;
  /** Terms, cues and list words. */
  finders: Rule[];
  exclusions: Rule[];
}

/** Keys of a word's first three or four characters (low bytes: exact for Latin-1; a collision only costs a compare). */
const key3 = (a: number, b: number, c: number) => ((a & 0xff) << 16) | ((b & 0xff) << 8) | (c & 0xff);
const key4 = (a: number, b: number, c: number, d: number) => ((a & 0xff) << 24) | ((b & 0xff) << 16) | ((c & 0xff) << 8) | (d & 0xff);
/** Index into the three-character filter: five bits of each character. */
const triIndex = (a: number, b: number, c: number) => ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);

/** Buckets of anchors by an integer key, as an open-addressing table of typed arrays: lookups allocate nothing. */
class AnchorTable {
  private keys = new Int32Array(0);
  private slots = new Int32Array(0);
  private buckets: Anchor[][] = [];
  private shift = 32;
  private readonly pending = new Map<number, Anchor[]>();

  add(key: number, anchor: Anchor): void {
    const bucket = this.pending.get(key);
    if (bucket) bucket.push(anchor);
    else this.pending.set(key, [anchor]);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Builds the table once all anchors are added. */
  seal(): void {
    let bits = 4;
    while (1 << bits < this.pending.size * 4) bits++;
    const size = 1 << bits;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.shift = 32 - bits;
    for (const [key, bucket] of this.pending) {
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[h] !== -1) h = (h + 1) & (size - 1);
      this.keys[h] = key;
      this.slots[h] = this.buckets.push(bucket) - 1;
    }
  }

  get(key: number): Anchor[] | undefined {
    const mask = this.keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const slot = this.slots[h]!;
      if (slot === -1) return undefined;
      if (this.keys[h] === key) return this.buckets[slot];
      h = (h + 1) & mask;
    }
  }
}

// Character classes of the scanner, per code unit.
const WORD = 1; // part of a word
const STARTS = 2; // a word-start anchor begins with it
const INSIDE = 4; // an anchor that may sit inside a word begins with it

/**
 * Finds where rules can match. At each word start the first three characters pass a small filter and the first four
 * (or three, for short stems) pick the anchors to compare; anchors that may sit inside a compound ("*mægl") are found
 * by their first two characters at any position. One pass over the text, no regex, no allocation but the hits.
 */
class Scanner {
  private readonly long = new AnchorTable(); // stems of four characters or more, by their first four
  private readonly short = new AnchorTable(); // stems of three characters, by all three
  private readonly prefixes = new Set<string>();
  private readonly tri = new Uint8Array(0x8000);
  private readonly cls = new Uint8Array(0x250);
  /** The class of word characters outside the Latin range. */
  private wideClass = WORD;
  private readonly inside: Anchor[] = [];
  /** First two characters (low bytes) of anchors that may sit inside a word. */
  private readonly insidePair = new Uint8Array(0x10000);

  constructor(rules: Rule[]) {
    const byStem = new Map<string, { rules: Rule[]; head: boolean }>();
    for (const r of rules) {
      const w = r.pattern.words[r.pattern.anchor]!;
      const entry = byStem.get(w.stem) ?? { rules: [], head: false };
      entry.rules.push(r);
      entry.head ||= w.head;
      byStem.set(w.stem, entry);
    }
    for (let c = 0; c < 0x250; c++) this.cls[c] = LATIN_WORD[c] === 1 ? WORD : 0;
    const mark = (c: number, flag: number) => {
      if (c < 0x250) this.cls[c]! |= flag;
      else this.wideClass |= flag;
    };
    for (const [stem, { rules: list, head }] of byStem) {
      const codes = Uint8Array.from(stem, (ch) => ch.charCodeAt(0));
      const anchor = { stem, codes, finders: list.filter((r) => r.code !== EXCLUDE), exclusions: list.filter((r) => r.code === EXCLUDE) };
      const [a, b = 0, c = 0, d = 0] = codes;
      if (head || stem.length < 3) {
        this.inside.push(anchor);
        mark(a!, INSIDE);
        const high = (a! & 0xff) << 8;
        if (stem.length > 1) this.insidePair[high | (b & 0xff)] = 1;
        else this.insidePair.fill(1, high, high + 0x100);
      } else {
        mark(a!, STARTS);
        this.tri[triIndex(a!, b, c)] = 1;
        this.prefixes.add(stem.slice(0, 3));
        if (stem.length === 3) this.short.add(key3(a!, b, c), anchor);
        else this.long.add(key4(a!, b, c, d), anchor);
      }
    }
    this.long.seal();
    this.short.seal();
  }

  scan(text: Units, from: number, to: number, hits = new HitList()): HitList {
    const end = Math.min(to, text.length);
    // Padded with zeros: looking a few characters ahead never reads past the end.
    const u = text.padded;
    const cls = this.cls;
    const wide = this.wideClass;
    const tri = this.tri;
    const long = this.long;
    const short = this.short.size > 0 ? this.short : undefined;
    const insidePair = this.insidePair;
    let previousIsWord = from > 0 && isWordCode(u[from - 1]!);
    for (let i = from; i < end; i++) {
      const c = u[i]!;
      const k = c < 0x250 ? cls[c]! : isWordCode(c) ? wide : 0;
      if (k === 0) {
        previousIsWord = false;
        continue;
      }
      if ((k & STARTS) !== 0 && !previousIsWord) {
        const b = u[i + 1]!;
        const d = u[i + 2]!;
        if (tri[triIndex(c, b, d)] === 1) {
          const bucket = long.get(key4(c, b, d, u[i + 3]!));
          if (bucket) for (const anchor of bucket) if (unitsAt(u, anchor.codes, i)) this.apply(text, anchor, i, hits);
          const shortBucket = short?.get(key3(c, b, d));
          if (shortBucket) for (const anchor of shortBucket) if (unitsAt(u, anchor.codes, i)) this.apply(text, anchor, i, hits);
        }
      }
      if ((k & INSIDE) !== 0 && insidePair[((c & 0xff) << 8) | (u[i + 1]! & 0xff)] === 1) {
        for (const anchor of this.inside) {
          if (anchor.codes[0] === c && unitsAt(u, anchor.codes, i)) this.apply(text, anchor, i, hits);
        }
      }
      previousIsWord = (k & WORD) !== 0;
    }
    return hits;
  }

  /** Could an anchor start a word that begins like `word`? A cheap test before completing a truncated conjunct. */
  mayStart(word: string): boolean {
    return word.length < 3 || this.prefixes.has(word.slice(0, 3));
  }

  private apply(text: Units, anchor: Anchor, at: number, hits: HitList): void {
    let found = false;
    for (const rule of anchor.finders) {
      if (matchPattern(text, rule.pattern, at)) {
        found = true;
        hits.push(rule.typeIndex, rule.code, spanStart, spanEnd, rule.id);
      }
    }
    // An exclusion sharing this anchor only matters where a term or cue matched here.
    if (!found && anchor.finders.length) return;
    for (const rule of anchor.exclusions) {
      if (matchPattern(text, rule.pattern, at)) hits.push(rule.typeIndex, rule.code, spanStart, spanEnd, rule.id);
    }
  }
}

const MAX_WORD = 120;
function boundedWordStart(text: Units, i: number): number {
  const u = text.u;
  const limit = i - MAX_WORD;
  while (i > 0 && isWordCode(u[i - 1]!)) if (--i <= limit) return -1;
  return i;
}
function boundedWordEnd(text: Units, i: number): number {
  const u = text.u;
  const limit = i + MAX_WORD;
  while (i < u.length && isWordCode(u[i]!)) if (++i >= limit) return -1;
  return i;
}

function wordStart(text: Units, i: number): number {
  const u = text.u;
  while (i > 0 && isWordCode(u[i - 1]!)) i--;
  return i;
}
function wordEnd(text: Units, i: number): number {
  const u = text.u;
  while (i < u.length && isWordCode(u[i]!)) i++;
  return i;
}

/** Does the text word [ws, we) match the word pattern? */
function wordMatches(text: Units, ws: number, we: number, w: WordPattern): boolean {
  if (we - ws < w.stem.length) return false;
  if (w.head) {
    // Only inside this word: indexOf would run on through the rest of the text when the stem is absent.
    for (let at = ws; at + w.stem.length <= we; at++) {
      if (text.startsWith(w.stem, at)) return !w.exact || (at + w.stem.length === we && !isHyphen(text.charCodeAt(we)));
    }
    return false;
  }
  if (!text.startsWith(w.stem, ws)) return false;
  return !w.exact || (ws + w.stem.length === we && !isHyphen(text.charCodeAt(we)));
}

/** Skips a separator between two words of a pattern backwards from `i`; returns the previous word's end or -1. */
function separatorBefore(text: Units, i: number): number {
  let j = i;
  let newlines = 0;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x0a) newlines++;
    // The period of an abbreviation is part of the separator: "soc. vicevært", "øk.rådgivning".
    if (isSpace(c) || isHyphen(c) || (c === 0x2e && isAbbreviationDot(text, j - 1))) j--;
    else break;
  }
  if (j === i || newlines > 1) return -1;
  return j;
}
function separatorAfter(text: Units, i: number): number {
  let j = i;
  let newlines = 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x0a) newlines++;
    if (isSpace(c) || isHyphen(c) || (c === 0x2e && isAbbreviationDot(text, j))) j++;
    else break;
  }
  if (j === i || newlines > 1) return -1;
  return j;
}
/**
 * Periods that end a Danish abbreviation, inside a gap ("Praktik ifbm. bygge- og renoveringsprojekter") or between
 * two words of a name ("soc. vicevært", "øk.rådgivning"), are no sentence end.
 */
const ABBREVIATIONS = new Set([
  'ifbm', 'ift', 'fx', 'bl', 'a', 'mv', 'evt', 'inkl', 'ca', 'jf', 'dvs', 'osv', 'vedr', 'ang', 'iflg', 'pga', 'mht',
  'soc', 'øk', 'kom', 'off', 'priv',
]);
function isAbbreviationDot(text: Units, at: number): boolean {
  const start = wordStart(text, at);
  return start < at && at - start <= 4 && ABBREVIATIONS.has(text.slice(start, at));
}

function gapSeparatorBefore(text: Units, i: number): number {
  let j = i;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x0a && j > 1 && text.charCodeAt(j - 2) === 0x0a) return -1;
    if (isSpace(c) || isHyphen(c) || isGapPunct(c) || (c === 0x2e && isAbbreviationDot(text, j - 1))) j--;
    else break;
  }
  return j === i ? -1 : j;
}
function gapSeparatorAfter(text: Units, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x0a && text.charCodeAt(j + 1) === 0x0a) return -1;
    if (isSpace(c) || isHyphen(c) || isGapPunct(c) || (c === 0x2e && isAbbreviationDot(text, j))) j++;
    else break;
  }
  return j === i ? -1 : j;
}

/** Matches `pattern` with its anchor stem found at `at`; on success the span is in spanStart/spanEnd. */
// The span of the last successful matchPattern() (out-parameters: no array per attempt on the hot path).
let spanStart = 0;
let spanEnd = 0;

function matchPattern(text: Units, p: Pattern, at: number): boolean {
  const anchor = p.words[p.anchor]!;
  if (!anchor.head && at > 0 && isWordCode(text.charCodeAt(at - 1))) return false;
  // No Danish word is longer than MAX_WORD: a run of letters without end is no mention, and stays linear.
  const ws = anchor.head ? boundedWordStart(text, at) : at;
  const we = boundedWordEnd(text, at + anchor.stem.length);
  if (ws < 0 || we < 0) return false;
  // "ord=" is the bare word: not a compound part or a truncated conjunct ("lommepenge-").
  if (anchor.exact && (we !== at + anchor.stem.length || isHyphen(text.charCodeAt(we)))) return false;
  if (anchor.head && !wordMatches(text, ws, we, anchor)) return false;

  // Words before the anchor, right to left.
  let start = ws;
  for (let i = p.anchor - 1; i >= 0; i--) {
    const w = p.words[i]!;
    const gap = p.gapBefore[i + 1]!;
    let found = -1;
    let cursor = start;
    for (let skipped = 0; skipped <= (gap ? MAX_GAP : 0); skipped++) {
      const prevEnd = gap ? gapSeparatorBefore(text, cursor) : separatorBefore(text, cursor);
      if (prevEnd <= 0 || !isWordCode(text.charCodeAt(prevEnd - 1))) break;
      const prevStart = wordStart(text, prevEnd);
      if (wordMatches(text, prevStart, prevEnd, w)) {
        found = prevStart;
        break;
      }
      // A gap never reaches past another occurrence of the anchor word: in "skolens egen lektiecafé og lektiecaféen
      // i beboerhuset" the second café is not the school's.
      if (gap && wordMatches(text, prevStart, prevEnd, anchor)) break;
      cursor = prevStart;
    }
    if (found < 0) return false;
    start = found;
  }
  // Words after the anchor, left to right.
  let end = we;
  for (let i = p.anchor + 1; i < p.words.length; i++) {
    const w = p.words[i]!;
    const gap = p.gapBefore[i]!;
    let found = -1;
    let cursor = end;
    for (let skipped = 0; skipped <= (gap ? MAX_GAP : 0); skipped++) {
      const nextStart = gap ? gapSeparatorAfter(text, cursor) : separatorAfter(text, cursor);
      if (nextStart < 0 || nextStart >= text.length || !isWordCode(text.charCodeAt(nextStart))) break;
      const nextEnd = wordEnd(text, nextStart);
      if (wordMatches(text, nextStart, nextEnd, w)) {
        found = nextEnd;
        break;
      }
      if (gap && wordMatches(text, nextStart, nextEnd, anchor)) break;
      cursor = nextEnd;
    }
    if (found < 0) return false;
    end = found;
  }
  // A hyphenated compound is one word: "lektiecafé-frivillige", "SSP-mægling".
  // (At most a few parts each way, so that an endless chain of hyphenated words stays linear.)
  for (let parts = 0; parts < 4 && start > 1 && isHyphen(text.charCodeAt(start - 1)) && isWordCode(text.charCodeAt(start - 2)); parts++) {
    const previous = boundedWordStart(text, start - 1);
    if (previous < 0) break;
    start = previous;
  }
  for (let parts = 0; parts < 4 && end + 1 < text.length && isHyphen(text.charCodeAt(end)) && isWordCode(text.charCodeAt(end + 1)); parts++) {
    const next = boundedWordEnd(text, end + 1);
    if (next < 0) break;
    end = next;
  }
  spanStart = start;
  spanEnd = end;
  return true;
}

// ---------- coordinated-compound ellipsis ----------

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a;
const CONJUNCTIONS = ['og', 'eller', 'samt'];
/** How far after a truncated word its coordination may reach ("lektie-, lommepenge- og fritidsjob…"). */
const COORDINATION_REACH = 200;

/**
 * Where the head word of a coordination starts, for the truncated word whose hyphen is at `dash`, or -1. The head is
 * the first whole word after a conjunction, past any further truncated words: "børne- og ungeråd" → "ungeråd",
 * "lektie-, lommepenge- og fritidsjob" → "fritidsjob". A head that is itself truncated ("børne- og unge- og …")
 * belongs to the next hyphen. Reads the units directly: no strings, no regex, and never more than a bounded stretch.
 */
function coordinationHead(text: Units, dash: number): number {
  const limit = Math.min(text.length, dash + COORDINATION_REACH);
  const skipBlanks = (i: number) => {
    while (i < limit && isBlank(text.charCodeAt(i))) i++;
    return i;
  };
  let i = skipBlanks(dash + 1);
  if (text.charCodeAt(i) === 0x2c) i = skipBlanks(i + 1);
  while (i < limit) {
    const conjunction = CONJUNCTIONS.find((w) => text.startsWith(w, i) && isBlank(text.charCodeAt(i + w.length)));
    if (conjunction) {
      const head = skipBlanks(i + conjunction.length);
      if (head >= limit || !isWordCode(text.charCodeAt(head))) return -1;
      const end = wordEnd(text, head);
      const after = text.charCodeAt(end + 1);
      if (isHyphen(text.charCodeAt(end)) && (isBlank(after) || after === 0x2c)) return -1;
      return head;
    }
    // Another truncated word of the chain: "lommepenge-" (then blanks, perhaps a comma).
    const word = i;
    while (i < limit && isWordCode(text.charCodeAt(i))) i++;
    if (i === word || !isHyphen(text.charCodeAt(i))) return -1;
    i = skipBlanks(i + 1);
    if (text.charCodeAt(i) === 0x2c) i = skipBlanks(i + 1);
  }
  return -1;
}

function addEllipsisHits(text: Units, hyphens: Int32Array, scanner: Scanner, hits: HitList): void {
  const completionHits = new HitList();
  // Completions are built in one buffer, padded with zeros like the text.
  let completion = new Uint8Array(64);
  // The scan's hits by start, sorted on first use: most texts have no truncated conjunct.
  let byStart: Int32Array | undefined;
  const scanned = hits.length;
  const hitsAt = (at: number): number[] => {
    const starts = hits.start;
    byStart ??= sortIndices(
      new Int32Array(scanned).map((_, k) => k),
      (a, b) => starts[a]! - starts[b]! || a - b,
    );
    const found: number[] = [];
    for (let i = firstAtOrAfter(byStart, starts, at); i < byStart.length && starts[byStart[i]!] === at; i++) found.push(byStart[i]!);
    return found;
  };
  for (const dash of hyphens) {
    // Cheap checks first: a word right before the hyphen and a space, newline or comma right after it.
    if (dash === 0 || !isWordCode(text.charCodeAt(dash - 1))) continue;
    const next = text.charCodeAt(dash + 1);
    if (next !== 0x20 && next !== 0x0a && next !== 0x09 && next !== 0x2c) continue;
    const wordAt = wordStart(text, dash);
    // The second part of a hyphenated compound ("SSP-" in "skole-SSP- og …") is not a word of its own.
    if (wordAt > 0 && isHyphen(text.charCodeAt(wordAt - 1))) continue;
    const stem = text.slice(wordAt, dash);
    if (stem.length >= 3 && !scanner.mayStart(stem)) continue;
    const headStart = coordinationHead(text, dash);
    if (headStart < 0) continue;
    const truncStart = wordAt;
    const truncEnd = dash + 1; // including the hyphen
    const headEnd = wordEnd(text, headStart);
    const head = text.slice(headStart, headEnd);
    // Complete the truncated word with the head's tail, longest tail first: "børne" + "råd" (from "ungeråd").
    for (let k = 1; k < head.length; k++) {
      const length = stem.length + head.length - k;
      if (completion.length < length + 4) completion = new Uint8Array(length + 64);
      for (let i = 0; i < stem.length; i++) completion[i] = stem.charCodeAt(i);
      for (let i = k; i < head.length; i++) completion[stem.length + i - k] = head.charCodeAt(i);
      completion.fill(0, length, length + 4);
      const c = scanner.scan(new Units(completion.subarray(0, length), completion), 0, 1, completionHits.clear());
      const found: number[] = [];
      for (let k = 0; k < c.length; k++) if (c.start[k] === 0 && c.kind[k] !== EXCLUDE && c.end[k]! > stem.length) found.push(k);
      if (found.length === 0) continue;
      const headHits = hitsAt(headStart).filter((h) => hits.kind[h] !== EXCLUDE);
      for (const f of found) {
        const sameAsHead = headHits.find((h) => hits.type[h] === c.type[f]);
        if (sameAsHead !== undefined) {
          // Same type in both conjuncts: one span over the whole coordination.
          hits.push(hits.type[sameAsHead]!, hits.kind[sameAsHead]!, truncStart, Math.max(hits.end[sameAsHead]!, headEnd), hits.rule[sameAsHead]!);
        } else {
          hits.push(c.type[f]!, c.kind[f]!, truncStart, truncEnd, c.rule[f]!);
        }
      }
      break;
    }
  }
}

// ---------- choosing among hits ----------

function resolve(text: Units, hits: HitList, context: Scanner): Chosen {
  const n = hits.length;
  const { type, kind, start, end, rule } = hits;
  // Index lists as typed arrays of a known bound (see HitList).
  const exclusions = new Int32Array(n);
  const lists = new Int32Array(n);
  const found = new Int32Array(n);
  let exclusionCount = 0;
  let listCount = 0;
  let liveCount = 0;
  for (let k = 0; k < n; k++) {
    const c = kind[k];
    if (c === EXCLUDE) exclusions[exclusionCount++] = k;
    else if (c === LIST) lists[listCount++] = k;
    else found[liveCount++] = k;
  }
  // Exclusions silence their own type's hits that they overlap (sorted: only nearby exclusions are looked at).
  if (exclusionCount) {
    const sortedExclusions = exclusions.subarray(0, exclusionCount).sort((a, b) => start[a]! - start[b]!);
    let longest = 0;
    for (const x of sortedExclusions) longest = Math.max(longest, end[x]! - start[x]!);
    let kept = 0;
    for (let i = 0; i < liveCount; i++) {
      const h = found[i]!;
      let silenced = false;
      for (let j = firstAtOrAfter(sortedExclusions, start, end[h]!) - 1; j >= 0; j--) {
        const x = sortedExclusions[j]!;
        if (start[x]! + longest <= start[h]!) break;
        // An exclusion silences what it contains: "skolens lektiecafé", not "rekrutteringen til kommunens familieprogrammer".
        if (type[x] === type[h] && start[x]! <= start[h]! && end[x]! >= end[h]!) {
          silenced = true;
          break;
        }
      }
      if (!silenced) found[kept++] = h;
    }
    liveCount = kept;
  }
  // Identical spans are neighbours once sorted by start and end (ties keep the order they were found in).
  const live = sortHits(found.subarray(0, liveCount), start, end);
  // Groups of hits with one span: live[groupFrom[g]] … live[groupFrom[g + 1] - 1].
  const groupFrom = new Int32Array(liveCount + 1);
  let groups = 0;
  for (let i = 0; i < liveCount; i++) {
    const h = live[i]!;
    const p = i > 0 ? live[i - 1]! : -1;
    if (p < 0 || start[p] !== start[h] || end[p] !== end[h]) groupFrom[groups++] = i;
  }
  groupFrom[groups] = liveCount;
  const out = new Chosen(groups + listCount);
  const spanStart = (g: number) => start[live[groupFrom[g]!]!]!;
  const spanEnd = (g: number) => end[live[groupFrom[g]!]!]!;
  /** The group's hits, those found by a name term first: they give the best guess when context cannot decide. */
  const members = (g: number): number[] => {
    const all = Array.from(live.subarray(groupFrom[g]!, groupFrom[g + 1]!));
    return all.length === 1 ? all : [...all.filter((h) => kind[h] === TERM), ...all.filter((h) => kind[h] !== TERM)];
  };
  const tierOf = (h: number): Tier => (kind[h] === TERM ? 'name' : 'concept');
  const contextHits = new HitList();
  /** Where all the group's hits have one type: the hit that speaks for it (a name term first), else -1. */
  const soleType = (g: number): number => {
    let best = live[groupFrom[g]!]!;
    for (let i = groupFrom[g]! + 1; i < groupFrom[g + 1]!; i++) {
      const h = live[i]!;
      if (type[h] !== type[best]) return -1;
      if (kind[best] !== TERM && kind[h] === TERM) best = h;
    }
    return best;
  };
  const decide = (g: number, hitsOfGroup: number[]): Resolved => {
    const s0 = spanStart(g);
    const e0 = spanEnd(g);
    let types = [...new Set(hitsOfGroup.map((h) => type[h]!))];
    let candidates: number[] = [];
    if (types.length > 1) {
      const ranked = rankByContext(text, s0, e0, types, context, contextHits);
      types = ranked.best;
      candidates = ranked.undecided;
    }
    const chosen = types[0]!;
    const hit = hitsOfGroup.find((h) => type[h] === chosen)!;
    return { start: s0, end: e0, tier: tierOf(hit), typeIndex: chosen, candidates, rule: rule[hit]! };
  };
  const add = (r: Resolved) => out.push(r.start, r.end, r.tier === 'concept', r.typeIndex, r.rule, r.candidates);

  // Overlapping spans form clusters; within a cluster the longest span wins, then the name tier.
  for (let g = 0; g < groups; ) {
    let h = g + 1;
    let clusterEnd = spanEnd(g);
    while (h < groups && spanStart(h) < clusterEnd) clusterEnd = Math.max(clusterEnd, spanEnd(h++));
    if (h === g + 1) {
      // The common case: a span that overlaps nothing, found by one rule or by several of one type.
      const k = soleType(g);
      if (k >= 0) out.push(start[k]!, end[k]!, kind[k] !== TERM, type[k]!, rule[k]!);
      else add(decide(g, members(g)));
      g = h;
      continue;
    }
    const cluster: { g: number; start: number; end: number; tier: Tier; hits: number[] }[] = [];
    for (let c = g; c < h; c++) {
      const m = members(c);
      cluster.push({ g: c, start: spanStart(c), end: spanEnd(c), tier: tierOf(m[0]!), hits: m });
    }
    g = h;
    cluster.sort(
      (a, b) => b.end - b.start - (a.end - a.start) || (a.tier === b.tier ? 0 : a.tier === 'name' ? -1 : 1) || a.start - b.start,
    );
    // Small clusters compare spans; a large one (an endless chain of overlapping mentions) marks taken characters.
    const base = cluster.reduce((m, c) => Math.min(m, c.start), Infinity);
    const occupied = cluster.length > 32 ? new Uint8Array(clusterEnd - base) : undefined;
    const taken: { start: number; end: number }[] = [];
    const winners: typeof cluster = [];
    for (const c of cluster) {
      if (occupied) {
        let free = true;
        for (let k = c.start - base; k < c.end - base && free; k++) free = occupied[k] === 0;
        if (!free) continue;
        occupied.fill(1, c.start - base, c.end - base);
      } else {
        if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
        taken.push(c);
      }
      winners.push(c);
    }
    // In text order, so that the chosen spans stay sorted.
    for (const c of winners.sort((a, b) => a.start - b.start)) add(decide(c.g, c.hits));
  }
  if (listCount) addListWords(text, hits, lists.subarray(0, listCount), out);
  return out;
}

/** A list word counts when it is coordinated with a name found next to it: "…, lommepengejob og fritidsjob". */
function addListWords(text: Units, hits: HitList, lists: Int32Array, out: Chosen): void {
  const order = out.order();
  const added: number[] = [];
  for (let i = 0; i < lists.length; i++) {
    const h = lists[i]!;
    const hs = hits.start[h]!;
    const he = hits.end[h]!;
    // The chosen spans just before and just after the list word.
    const lo = firstAtOrAfter(order, out.start, hs);
    const before = lo > 0 ? order[lo - 1]! : -1;
    const after = lo < order.length ? order[lo]! : -1;
    if ((before >= 0 && out.end[before]! > hs) || (after >= 0 && out.start[after]! < he)) continue;
    const coordinated =
      (before >= 0 && out.concept[before] === 0 && hs - out.end[before]! <= 12 && LIST_GLUE.test(text.slice(out.end[before]!, hs))) ||
      (after >= 0 && out.concept[after] === 0 && out.start[after]! - he <= 12 && LIST_GLUE.test(text.slice(he, out.start[after]!)));
    if (coordinated || isHeadingWord(text, hs, he)) added.push(h);
  }
  // Added after the search: a list word next to another list word needs a name beside it.
  for (const h of added) out.push(hits.start[h]!, hits.end[h]!, false, hits.type[h]!, hits.rule[h]!);
}

/**
 * Sorts hit indices by start, then end, then the order they were found in. Hits come almost in order (a span starts
 * at most a few words before the anchor that found it), so insertion sort is linear here; a text that makes it work
 * too hard falls back to the general sort.
 */
function sortHits(indices: Int32Array, start: Int32Array, end: Int32Array): Int32Array {
  return sortIndices(indices, (a, b) => start[a]! - start[b]! || end[a]! - end[b]! || a - b);
}

/** Insertion sort with a budget: linear on almost sorted input, the general sort where that input is not. */
function sortIndices(indices: Int32Array, before: (a: number, b: number) => number): Int32Array {
  let budget = 16 * indices.length + 64;
  for (let i = 1; i < indices.length; i++) {
    const h = indices[i]!;
    let j = i - 1;
    while (j >= 0 && before(indices[j]!, h) > 0) {
      indices[j + 1] = indices[j]!;
      j--;
      if (--budget === 0) return indices.sort(before);
    }
    indices[j + 1] = h;
  }
  return indices;
}

/** Index of the first of `indices` (sorted by their start) whose start is at or after `at`. */
function firstAtOrAfter(indices: Int32Array, starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[indices[mid]!]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The word alone on its line, after an optional number: a heading that names the activity ("3. Fritidsjob"). */
function isHeadingWord(text: Units, start: number, end: number): boolean {
  // Only blanks or a colon may follow on the line, and only a short number may lead it.
  for (let to = end; to < text.length && text.charCodeAt(to) !== 0x0a; to++) {
    const c = text.charCodeAt(to);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3a && c !== 0x0d) return false;
  }
  let from = start;
  while (from > 0 && text.charCodeAt(from - 1) !== 0x0a) if (start - --from > 24) return false;
  return HEADING_LEAD.test(text.slice(from, start));
}
const HEADING_LEAD = /^[ \t]*(?:#+[ \t]*|(?:aktivitet|indsats)[ \t]*)?(?:\d+(?:\.\d+)*[.):]?|[a-z]\))?[ \t]*$/;

const LIST_GLUE = /^[ \t]*(?:,|og|eller|samt|\/)[ \t]*(?:og[ \t]+)?$/;

/** Scores each type by its context words near the span: the sentence first, then the surrounding text. */
function rankByContext(
  text: Units,
  start: number,
  end: number,
  types: number[],
  context: Scanner,
  found: HitList,
): { best: number[]; undecided: number[] } {
  const windows = [sentenceAround(text, start, end), [Math.max(0, start - 400), Math.min(text.length, end + 400)] as const];
  for (const [from, to] of windows) {
    context.scan(text, from, to, found.clear());
    const scores = types.map(() => 0);
    for (let k = 0; k < found.length; k++) {
      const e = found.end[k]!;
      const t = types.indexOf(found.type[k]!);
      if (t >= 0 && e <= to && (e <= start || found.start[k]! >= end)) scores[t]!++;
    }
    const max = Math.max(...scores);
    if (max === 0) continue;
    const best = types.filter((_, i) => scores[i] === max);
    if (best.length === 1) return { best, undecided: [] };
    return { best, undecided: best.slice(1) };
  }
  return { best: types, undecided: types.slice(1) };
}

function sentenceAround(text: Units, start: number, end: number): readonly [number, number] {
  let from = start;
  while (from > 0) {
    const c = text.charCodeAt(from - 1);
    if (c === 0x2e || c === 0x21 || c === 0x3f || (c === 0x0a && text.charCodeAt(from - 2) === 0x0a)) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const c = text.charCodeAt(to);
    if (c === 0x2e || c === 0x21 || c === 0x3f || (c === 0x0a && text.charCodeAt(to + 1) === 0x0a)) break;
    to++;
  }
  return [from, to];
}
