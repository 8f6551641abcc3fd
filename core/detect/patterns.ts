// The catalogue's pattern language (catalog/README.md): each word of a pattern matches one word of the text that
// begins with it; "*" allows a compound head before it, "=" forbids an ending, "…" allows up to three words between.

export interface WordPattern {
  stem: string;
  /** "*ord": the stem may sit inside a compound, after a head. */
  head: boolean;
  /** "ord=": the text word must end with the stem. */
  exact: boolean;
}

export interface Pattern {
  source: string;
  words: WordPattern[];
  /** gapBefore[i]: up to MAX_GAP words may stand between words i-1 and i. */
  gapBefore: boolean[];
  /** Index of the word whose stem is searched for first (the longest). */
  anchor: number;
  /**
   * "^ord": the match must not begin with a capital letter inside a sentence. Danish capitalises names only, so a
   * capitalised "Klubben" mid-sentence is the name of a place, while "klubben" (or "Klubben" opening a sentence or a
   * line) is the club itself.
   */
  lowerCase: boolean;
}

export const MAX_GAP = 3;

const COMMON = new Set([
  'aktivitet', 'aktiviteter', 'indsats', 'projekt', 'tilbud', 'ordning', 'forløb', 'arbejde', 'medarbejder',
  'rådgivning', 'vejledning', 'information', 'praktik', 'mentor', 'forældre', 'unge', 'ung', 'beboere', 'boligområde',
  'helhedsplan', 'virksomhed', 'skole', 'kommunal', 'kommunale', 'social', 'sociale', 'frivillig', 'frivillige',
  'fremskud', 'møde', 'arrangement', 'kursus', 'med', 'til', 'for', 'og', 'af', 'i', 'på', 'om',
  'styrkelse', 'fremme', 'bygge', 'arbejdet', 'hele', 'byen', 'børn', 'voksne', 'udsatte',
]);

export class PatternError extends Error {}

/** Applies the detector's normalisation to a pattern, so patterns and text meet in the same form. */
export function normalizePatternText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[éèêë]/g, 'e')
    .replace(/&/g, ' og ')
    .replace(/\u00ad/g, '')
    .replace(/\.\.\./g, '…');
}

export function parsePattern(source: string): Pattern {
  const tokens = normalizePatternText(source)
    .replace(/…/g, ' … ')
    .replace(/(\p{L})-(?=\s|$)/gu, '$1 ')
    .split(/[\s\-/]+/u)
    .filter(Boolean);
  const words: WordPattern[] = [];
  const gapBefore: boolean[] = [];
  let gap = false;
  let lowerCase = false;
  for (const token of tokens) {
    if (token === '…') {
      if (words.length === 0) throw new PatternError(`"${source}": et mønster kan ikke begynde med …`);
      gap = true;
      continue;
    }
    const m = /^(\^?)(\*?)([\p{L}\p{N}]+)(=?)$/u.exec(token);
    if (!m) throw new PatternError(`"${source}": "${token}" er ikke et gyldigt ord i et mønster`);
    if (m[1]) {
      if (words.length > 0) throw new PatternError(`"${source}": ^ kan kun stå foran mønstrets første ord`);
      lowerCase = true;
    }
    // The detector reads text as Latin-1 (every other letter stands in as one and the same).
    const foreign = [...m[3]!].find((ch) => ch.charCodeAt(0) > 0xff);
    if (foreign) throw new PatternError(`"${source}": tegnet "${foreign}" ligger uden for Latin-1 og kan ikke genkendes`);
    words.push({ stem: m[3]!, head: m[2] === '*', exact: m[4] === '=' });
    gapBefore.push(gap);
    gap = false;
  }
  if (gap) throw new PatternError(`"${source}": et mønster kan ikke slutte med …`);
  if (words.length === 0) throw new PatternError(`"${source}": mønstret er tomt`);
  // The anchor is searched for first: a word that starts a text word where possible (those are looked up at word
  // starts; a "*" word must be looked for at every character), then the longest that is not a common one, so that
  // the frequent words of plan language ("aktivitet", "forældre") do not start a match attempt at every occurrence.
  const score = (w: WordPattern) => (w.head ? 0 : 1000) + w.stem.length + (COMMON.has(w.stem) || w.stem.length < 4 ? 0 : 100);
  let anchor = 0;
  words.forEach((w, i) => {
    if (score(w) > score(words[anchor]!)) anchor = i;
  });
  return { source, words, gapBefore, anchor, lowerCase };
}
