// Finds activity-type mentions in Danish text. Pure: no DOM, no I/O. Every match carries its exact UTF-16 range in
// the original input, the tier (name or concept), the rule that found it and, where context cannot decide between
// types that share a word, the other candidates.
import { normalize, type Normalized } from './normalize.js';
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
  kind: Kind;
  pattern: Pattern;
}

interface Hit {
  typeIndex: number;
  kind: Kind;
  start: number;
  end: number;
  pattern: string;
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
const isGapPunct = (c: number) => c === 0x2c || c === 0x28 || c === 0x29 || c === 0x2013 || c === 0x2f;

// ---------- compiling rules ----------

export function createDetector(types: readonly RuleSource[]): Detector {
  const rules: Rule[] = [];
  const contextRules: Pattern[][] = types.map(() => []);
  const problems: string[] = [];
  types.forEach((type, typeIndex) => {
    const add = (kind: Kind, source: string) => {
      try {
        rules.push({ typeIndex, kind, pattern: parsePattern(source) });
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
        contextRules[typeIndex]!.push(parsePattern(c));
      } catch (e) {
        problems.push(`${type.id}: detection.context: ${(e as Error).message}`);
      }
    }
  });
  if (problems.length) throw new RuleError(problems.join('\n'));

  const scanner = new Scanner(rules);
  const contextScanners = contextRules.map((patterns) =>
    patterns.length ? new Scanner(patterns.map((pattern) => ({ typeIndex: 0, kind: 'term' as Kind, pattern }))) : undefined,
  );
  const ids = types.map((t) => t.id);

  // One code-unit buffer reused across calls: detection is synchronous and never keeps the units afterwards.
  let scratch: Uint16Array<ArrayBuffer> | undefined;
  const detect = (input: string): Match[] => {
    if (input.length === 0) return [];
    const norm = normalize(input, scratch);
    scratch = norm.buffer;
    const text = new Units(norm.units);
    const hits = scanner.scan(text, 0, text.length);
    if (hits.length === 0 && !text.includes('-')) return [];
    addEllipsisHits(text, scanner, hits);
    const kept = resolve(text, hits, contextScanners);
    return kept.map((k) => toMatch(input, norm, k, ids));
  };
  return { detect, ids };
}

interface Resolved {
  start: number;
  end: number;
  tier: Tier;
  typeIndex: number;
  candidates: number[];
  pattern: string;
}

function toMatch(input: string, norm: Normalized, r: Resolved, ids: string[]): Match {
  const start = norm.toSource(r.start);
  const end = norm.toSourceEnd(r.end);
  const match: Match = { id: ids[r.typeIndex]!, start, end, text: input.slice(start, end), tier: r.tier, pattern: r.pattern };
  if (r.candidates.length) match.candidates = r.candidates.map((i) => ids[i]!);
  return match;
}

// ---------- the normalised text as code units ----------

/**
 * The normalised text as UTF-16 code units, with the few string methods the matcher uses. Searching the units
 * directly saves materialising a second copy of a long text as a string.
 */
class Units {
  readonly length: number;
  constructor(readonly u: Uint16Array) {
    this.length = u.length;
  }
  static of(s: string): Units {
    const u = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return new Units(u);
  }
  charCodeAt(i: number): number {
    return i >= 0 && i < this.length ? this.u[i]! : NaN;
  }
  startsWith(stem: string, at: number): boolean {
    if (at < 0 || at + stem.length > this.length) return false;
    for (let k = 0; k < stem.length; k++) if (this.u[at + k] !== stem.charCodeAt(k)) return false;
    return true;
  }
  /** First occurrence of `stem` starting in [from, to). */
  indexOf(stem: string, from: number, to = this.length): number {
    const u = this.u;
    const first = stem.charCodeAt(0);
    const last = Math.min(u.length - stem.length, to - 1);
    for (let i = from < 0 ? 0 : from; i <= last; i++) {
      if (u[i] === first && this.startsWith(stem, i)) return i;
    }
    return -1;
  }
  includes(stem: string): boolean {
    return this.indexOf(stem, 0) >= 0;
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

function unitsAt(u: Uint16Array, codes: Uint16Array, at: number): boolean {
  const n = codes.length;
  if (at + n > u.length) return false;
  for (let k = 0; k < n; k++) if (u[at + k] !== codes[k]) return false;
  return true;
}

/** Small-integer key of a word's first three characters (collisions only cost a startsWith). */
const prefixKey = (a: number, b: number, c: number) => ((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | (c & 0x3ff);

interface Anchor {
  stem: string;
  codes: Uint16Array;
  /** Terms, cues and list words. */
  finders: Rule[];
  exclusions: Rule[];
}

/**
 * Finds where rules can match. Anchors that start a word are looked up by their first two characters at each word
 * start (one pass over the text, no regex); anchors that may sit inside a compound ("*mægl") are found with indexOf.
 */
class Scanner {
  private readonly atWordStart = new Map<number, Anchor[]>();
  // The same index as an open-addressing table of typed arrays: the lookup at every word start stays allocation-free.
  private tableKeys = new Int32Array(0);
  private tableSlots = new Int32Array(0);
  private tableBuckets: Anchor[][] = [];
  private tableShift = 32;
  /** First characters of word-start anchors (Latin range): most words are passed over without a map lookup. */
  private readonly firstChar = new Uint8Array(0x250);
  private otherFirstChars = false;
  private readonly inside: Anchor[] = [];
  /** First two characters (low bytes) of anchors that may sit inside a word, looked for at every position. */
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
    for (const [stem, { rules: list, head }] of byStem) {
      const anchor = { stem, codes: Uint16Array.from(stem, (ch) => ch.charCodeAt(0)), finders: list.filter((r) => r.kind !== 'exclude'), exclusions: list.filter((r) => r.kind === 'exclude') };
      if (head || stem.length < 3) {
        this.inside.push(anchor);
        const high = (stem.charCodeAt(0) & 0xff) << 8;
        if (stem.length > 1) this.insidePair[high | (stem.charCodeAt(1) & 0xff)] = 1;
        else this.insidePair.fill(1, high, high + 0x100);
      }
      else {
        const first = stem.charCodeAt(0);
        if (first < 0x250) this.firstChar[first] = 1;
        else this.otherFirstChars = true;
        const key = prefixKey(first, stem.charCodeAt(1), stem.charCodeAt(2));
        const bucket = this.atWordStart.get(key);
        if (bucket) bucket.push(anchor);
        else this.atWordStart.set(key, [anchor]);
      }
    }
  }

  private buildTable(): void {
    let bits = 4;
    while (1 << bits < this.atWordStart.size * 4) bits++;
    const size = 1 << bits;
    this.tableKeys = new Int32Array(size);
    this.tableSlots = new Int32Array(size);
    this.tableShift = 32 - bits;
    for (const [key, bucket] of this.atWordStart) {
      let h = Math.imul(key + 1, 0x9e3779b1) >>> this.tableShift;
      while (this.tableKeys[h] !== 0) h = (h + 1) & (size - 1);
      this.tableKeys[h] = key + 1;
      this.tableSlots[h] = this.tableBuckets.push(bucket) - 1;
    }
  }

  scan(text: Units, from: number, to: number): Hit[] {
    const hits: Hit[] = [];
    if (this.tableKeys.length === 0) this.buildTable();
    const keys = this.tableKeys;
    const slots = this.tableSlots;
    const buckets = this.tableBuckets;
    const shift = this.tableShift;
    const mask = keys.length - 1;
    const end = Math.min(to, text.length);
    const firstChar = this.firstChar;
    const other = this.otherFirstChars;
    const u = text.u;
    const insidePair = this.insidePair;
    const inside = this.inside;
    let previousIsWord = from > 0 && isWordCode(u[from - 1]!);
    for (let i = from; i < end; i++) {
      const c = u[i]!;
      const isWord = c < 0x250 ? LATIN_WORD[c] === 1 : isWordCode(c);
      if (isWord && !previousIsWord && (c < 0x250 ? firstChar[c] === 1 : other)) {
        const key = prefixKey(c, u[i + 1] ?? 0, u[i + 2] ?? 0) + 1;
        let h = Math.imul(key, 0x9e3779b1) >>> shift;
        let k = keys[h]!;
        while (k !== key && k !== 0) {
          h = (h + 1) & mask;
          k = keys[h]!;
        }
        const bucket = k === 0 ? undefined : buckets[slots[h]!];
        if (bucket) {
          for (const anchor of bucket) {
            if (unitsAt(u, anchor.codes, i)) this.apply(text, anchor, i, hits);
          }
        }
      }
      if (insidePair[((c & 0xff) << 8) | ((u[i + 1] ?? 0) & 0xff)] === 1) {
        for (const anchor of inside) {
          if (anchor.codes[0] === c && unitsAt(u, anchor.codes, i)) this.apply(text, anchor, i, hits);
        }
      }
      previousIsWord = isWord;
    }
    return hits;
  }

  /** Could an anchor start a word that begins like `word`? A cheap test before completing a truncated conjunct. */
  mayStart(word: string): boolean {
    return word.length < 3 || this.atWordStart.has(prefixKey(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2)));
  }

  private apply(text: Units, anchor: Anchor, at: number, hits: Hit[]): void {
    let found = false;
    for (const rule of anchor.finders) {
      if (matchPattern(text, rule.pattern, at)) {
        found = true;
        hits.push({ typeIndex: rule.typeIndex, kind: rule.kind, start: spanStart, end: spanEnd, pattern: rule.pattern.source });
      }
    }
    // An exclusion sharing this anchor only matters where a term or cue matched here.
    if (!found && anchor.finders.length) return;
    for (const rule of anchor.exclusions) {
      if (matchPattern(text, rule.pattern, at)) {
        hits.push({ typeIndex: rule.typeIndex, kind: rule.kind, start: spanStart, end: spanEnd, pattern: rule.pattern.source });
      }
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
    if (isSpace(c) || isHyphen(c)) j--;
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
    if (isSpace(c) || isHyphen(c)) j++;
    else break;
  }
  if (j === i || newlines > 1) return -1;
  return j;
}
/** A period inside a gap ends a Danish abbreviation ("Praktik ifbm. bygge- og renoveringsprojekter"). */
const ABBREVIATIONS = new Set(['ifbm', 'ift', 'fx', 'bl', 'a', 'mv', 'evt', 'inkl', 'ca', 'jf', 'dvs', 'osv', 'vedr', 'ang', 'iflg', 'pga', 'mht']);
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

// "børne- og ungeråd", "Lommepenge- og fritidsjobprojekter", "lektie-, lommepenge- og fritidsjob…".
const TRUNCATED = /([\p{L}\p{N}]+)-(?=[ \t\n]*(?:,[ \t\n]*)?(?:[\p{L}\p{N}]+-[ \t\n]*,?[ \t\n]*)*(?:og|eller|samt)[ \t\n]+[\p{L}\p{N}])/uy;

function addEllipsisHits(text: Units, scanner: Scanner, hits: Hit[]): void {
  // Built on first use: most texts have no truncated conjunct.
  let byStart: Map<number, Hit[]> | undefined;
  const hitsAt = (start: number): Hit[] => {
    if (!byStart) {
      byStart = new Map();
      for (const h of hits) {
        const list = byStart.get(h.start);
        if (list) list.push(h);
        else byStart.set(h.start, [h]);
      }
    }
    return byStart.get(start) ?? [];
  };
  for (let dash = text.indexOf('-', 0); dash >= 0; dash = text.indexOf('-', dash + 1)) {
    // Cheap checks first: a word right before the hyphen and a space, newline or comma right after it.
    if (dash === 0 || !isWordCode(text.charCodeAt(dash - 1))) continue;
    const next = text.charCodeAt(dash + 1);
    if (next !== 0x20 && next !== 0x0a && next !== 0x09 && next !== 0x2c) continue;
    // A conjunction or another truncated word must follow soon: "børne- og", "lektie-, lommepenge- og".
    if (!/^[ \t\n]*(?:,|og\b|eller\b|samt\b|[\p{L}\p{N}]+-)/u.test(text.slice(dash + 1, dash + 40))) continue;
    const wordAt = wordStart(text, dash);
    if (wordAt > 0 && isHyphen(text.charCodeAt(wordAt - 1))) continue;
    TRUNCATED.lastIndex = 0;
    const m = TRUNCATED.exec(text.slice(wordAt, dash + 160));
    if (!m) continue;
    const stem = m[1]!;
    const truncStart = wordAt;
    if (stem.length >= 3 && !scanner.mayStart(stem)) continue;
    const truncEnd = m.index + stem.length + 1; // including the hyphen
    // The head word: the first word after the conjunction chain that is not itself truncated.
    const rest = /^[ \t\n]*(?:,[ \t\n]*)?(?:[\p{L}\p{N}]+-[ \t\n]*,?[ \t\n]*)*(?:og|eller|samt)[ \t\n]+([\p{L}\p{N}]+)/u.exec(
      text.slice(truncEnd, truncEnd + 200),
    );
    if (!rest) continue;
    const head = rest[1]!;
    const headStart = truncEnd + rest[0].length - head.length;
    const headEnd = wordEnd(text, headStart + head.length);
    // Complete the truncated word with the head's tail, longest tail first: "børne" + "råd" (from "ungeråd").
    for (let k = 1; k < head.length; k++) {
      const completion = stem + head.slice(k);
      const found = scanner
        .scan(Units.of(completion), 0, 1)
        .filter((h) => h.start === 0 && h.kind !== 'exclude' && h.end > stem.length);
      if (found.length === 0) continue;
      const headHits = hitsAt(headStart).filter((h) => h.kind !== 'exclude');
      for (const f of found) {
        const sameAsHead = headHits.find((h) => h.typeIndex === f.typeIndex);
        if (sameAsHead) {
          // Same type in both conjuncts: one span over the whole coordination.
          hits.push({ ...sameAsHead, start: truncStart, end: Math.max(sameAsHead.end, headEnd) });
        } else {
          hits.push({ typeIndex: f.typeIndex, kind: f.kind, start: truncStart, end: truncEnd, pattern: f.pattern });
        }
      }
      break;
    }
  }
}

// ---------- choosing among hits ----------

function resolve(
  text: Units,
  hits: Hit[],
  contextScanners: (Scanner | undefined)[],
): Resolved[] {
  if (hits.length === 0) return [];
  const exclusions = hits.filter((h) => h.kind === 'exclude').sort(byStart);
  const listHits = hits.filter((h) => h.kind === 'list');
  let live = hits.filter((h) => h.kind !== 'exclude' && h.kind !== 'list');
  // Exclusions silence their own type's hits that they overlap (sorted: only nearby exclusions are looked at).
  if (exclusions.length) {
    const longest = Math.max(...exclusions.map((x) => x.end - x.start));
    live = live.filter((h) => {
      for (let j = firstStartingAtOrAfter(exclusions, h.end) - 1; j >= 0; j--) {
        const x = exclusions[j]!;
        if (x.start + longest <= h.start) break;
        // An exclusion silences what it contains: "skolens lektiecafé", not "rekrutteringen til kommunens familieprogrammer".
        if (x.typeIndex === h.typeIndex && x.start <= h.start && x.end >= h.end) return false;
      }
      return true;
    });
  }
  // Group identical spans: sorted by start and end, identical spans are neighbours.
  live.sort((a, b) => a.start - b.start || a.end - b.end);
  // A lone hit is its own group (no arrays): most spans have exactly one hit.
  const groups: { start: number; end: number; tier: Tier; hit: Hit; hits?: Hit[]; types?: number[] }[] = [];
  for (let i = 0; i < live.length; ) {
    const first = live[i]!;
    let j = i + 1;
    while (j < live.length && live[j]!.start === first.start && live[j]!.end === first.end) j++;
    if (j === i + 1) {
      groups.push({ start: first.start, end: first.end, tier: first.kind === 'term' ? 'name' : 'concept', hit: first });
    } else {
      const group = live.slice(i, j);
      // Types found by a name term come first: the best guess when context cannot decide.
      const ordered = [...group.filter((h) => h.kind === 'term'), ...group.filter((h) => h.kind !== 'term')];
      const types = [...new Set(ordered.map((h) => h.typeIndex))];
      groups.push({ start: first.start, end: first.end, tier: ordered[0]!.kind === 'term' ? 'name' : 'concept', hit: ordered[0]!, hits: ordered, types });
    }
    i = j;
  }
  groups.sort(byStart);
  const out: Resolved[] = [];
  // Overlapping spans form clusters; within a cluster the longest span wins, then the name tier.
  for (let i = 0; i < groups.length; ) {
    let j = i + 1;
    let clusterEnd = groups[i]!.end;
    while (j < groups.length && groups[j]!.start < clusterEnd) clusterEnd = Math.max(clusterEnd, groups[j++]!.end);
    if (j === i + 1) {
      // The common case: a span that overlaps nothing.
      const g = groups[i++]!;
      if (!g.types || g.types.length === 1) {
        const hit = g.hit;
        out.push({ start: g.start, end: g.end, tier: hit.kind === 'term' ? 'name' : 'concept', typeIndex: hit.typeIndex, candidates: [], pattern: hit.pattern });
        continue;
      }
      i--;
    }
    const cluster = groups.slice(i, j);
    i = j;
    if (cluster.length > 1) {
      cluster.sort(
        (a, b) =>
          b.end - b.start - (a.end - a.start) || (a.tier === b.tier ? 0 : a.tier === 'name' ? -1 : 1) || a.start - b.start,
      );
    }
    // Small clusters compare spans; a large one (an endless chain of overlapping mentions) marks taken characters.
    const base = cluster.reduce((m, g) => Math.min(m, g.start), Infinity);
    const occupied = cluster.length > 32 ? new Uint8Array(clusterEnd - base) : undefined;
    const taken: { start: number; end: number }[] = [];
    for (const g of cluster) {
      if (occupied) {
        let free = true;
        for (let k = g.start - base; k < g.end - base && free; k++) free = occupied[k] === 0;
        if (!free) continue;
        occupied.fill(1, g.start - base, g.end - base);
      } else {
        if (taken.some((t) => t.start < g.end && g.start < t.end)) continue;
        taken.push(g);
      }
      let types = g.types ?? [g.hit.typeIndex];
      let candidates: number[] = [];
      if (types.length > 1) {
        const ranked = rankByContext(text, g.start, g.end, types, contextScanners);
        types = ranked.best;
        candidates = ranked.undecided;
      }
      const chosen = types[0]!;
      const hit = (g.hits ?? [g.hit]).find((h) => h.typeIndex === chosen)!;
      const tier: Tier = hit.kind === 'term' ? 'name' : 'concept';
      out.push({ start: g.start, end: g.end, tier, typeIndex: chosen, candidates, pattern: hit.pattern });
    }
  }
  out.sort(byStart);
  // A list word counts when it is coordinated with a name found next to it: "…, lommepengejob og fritidsjob".
  if (listHits.length) {
    const added: Resolved[] = [];
    for (const h of listHits) {
      const k = firstStartingAtOrAfter(out, h.start);
      const before = out[k - 1];
      const after = out[k];
      if ((before && before.end > h.start) || (after && after.start < h.end)) continue;
      const coordinated =
        (before?.tier === 'name' && h.start - before.end <= 12 && LIST_GLUE.test(text.slice(before.end, h.start))) ||
        (after?.tier === 'name' && after.start - h.end <= 12 && LIST_GLUE.test(text.slice(h.end, after.start)));
      if (coordinated || isHeadingWord(text, h.start, h.end)) added.push({ start: h.start, end: h.end, tier: 'name', typeIndex: h.typeIndex, candidates: [], pattern: h.pattern });
    }
    if (added.length) return [...out, ...added].sort(byStart);
  }
  return out;
}

const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;

/** Index of the first item whose start is at or after `at` (items sorted by start). */
function firstStartingAtOrAfter(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < at) lo = mid + 1;
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
  contextScanners: (Scanner | undefined)[],
): { best: number[]; undecided: number[] } {
  const windows = [sentenceAround(text, start, end), [Math.max(0, start - 400), Math.min(text.length, end + 400)] as const];
  for (const [from, to] of windows) {
    const scores = types.map((t) => {
      const scanner = contextScanners[t];
      if (!scanner) return 0;
      return scanner.scan(text, from, to).filter((h) => h.end <= to && (h.end <= start || h.start >= end)).length;
    });
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
