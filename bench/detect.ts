// Detection benchmark: throughput on 1 MB and 10 MB of plan-like Danish text, beside a plain toLowerCase() pass
// and a naive one-regex-per-variant baseline measured in the same run; incremental re-detection of one edited
// paragraph; pathological inputs beside normal text of the same size. Prints figures and ratios.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../core/catalog/index.js';
import { catalogDetector, IncrementalText, redetect } from '../core/detect/index.js';
import { parsePattern } from '../core/detect/patterns.js';

const root = join(import.meta.dirname, '..');
const detector = catalogDetector();

function corpusText(): string {
  const parts: string[] = [readFileSync(join(root, 'examples', 'helhedsplan-eksempel.md'), 'utf8')];
  for (const dir of [join(root, 'tests', 'corpus', 'docs'), join(root, '..', 'shared', 'eval', 'sample', 'docs')]) {
    if (existsSync(dir)) for (const f of readdirSync(dir)) parts.push(readFileSync(join(dir, f), 'utf8'));
  }
  for (const t of catalog.activityTypes) parts.push(t.sections.description.text, t.sections.organisation.text);
  return parts.join('\n\n');
}

/** Plan-like text of `bytes` UTF-8 bytes: typographic quotes, dashes, soft hyphens and the odd emoji. */
function planLike(bytes: number): string {
  const base = corpusText()
    .replace(/"([^"\n]{1,80})"/g, '„$1“')
    .replace(/ - /g, ' – ')
    .replace(/(\p{L}{5})(\p{L}{5,})/gu, (m, a, b, offset: number) => (offset % 7 === 0 ? `${a}\u00ad${b}` : m))
    .replace(/\n\n/g, (m, offset: number) => (offset % 11 === 0 ? ' 👍\n\n' : m));
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    chunks.push(base);
    size += Buffer.byteLength(base);
  }
  const text = chunks.join('\n\n');
  return text.slice(0, Math.floor((text.length * bytes) / size));
}

function time(fn: () => unknown, minMs = 300, minRuns = 3): number {
  if (minRuns > 1) {
    fn(); // warm-up
    fn();
  }
  const runs: number[] = [];
  const until = performance.now() + minMs;
  do {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  } while (performance.now() < until || runs.length < minRuns);
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

// Naive baseline: one case-insensitive regex per catalogue term, run over the whole text.
const naive = catalog.activityTypes.flatMap((t) =>
  t.detection.terms.map((term) => {
    const p = parsePattern(term);
    const words = p.words.map((w) => `${w.head ? '\\p{L}*' : ''}${w.stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\p{L}*`);
    return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}`, 'giu');
  }),
);
const naiveDetect = (text: string) => {
  let n = 0;
  for (const re of naive) for (const _ of text.matchAll(re)) n++;
  return n;
};

// Steady state: let the JIT optimise the detector before anything is measured (the first calls run unoptimised code).
{
  const warm = planLike(1e6);
  for (let i = 0; i < 8; i++) detector.detect(warm);
}

/**
 * Runs `a` and `b` alternately, so that both meet the same machine (a shared machine's speed drifts by tens of per
 * cent within a minute); returns the median time of each and the median of the ratios b/a of neighbouring runs.
 */
function timePair(a: () => unknown, b: () => unknown, minMs: number, minRuns: number): { a: number; b: number; ratio: number } {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  const until = performance.now() + minMs;
  do {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  } while (performance.now() < until || ta.length < minRuns);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { a: median(ta), b: median(tb), ratio: median(tb.map((t, i) => t / ta[i]!)) };
}

const mb = (ms: number, bytes: number) => `${((bytes / 1e6) / (ms / 1000)).toFixed(1)} MB/s`;
const rows: string[][] = [];
const results: Record<string, number> = {};
for (const size of [1e6, 1e7]) {
  const text = planLike(size);
  const bytes = Buffer.byteLength(text);
  const { a: tLower, b: tDetect, ratio } = timePair(() => text.toLowerCase(), () => detector.detect(text), size > 1e6 ? 4000 : 1500, 9);
  const tNaive = time(() => naiveDetect(text), 0, size > 1e6 ? 1 : 3);
  const label = size === 1e6 ? '1 MB' : '10 MB';
  results[label] = tDetect;
  rows.push([label, `${tLower.toFixed(1)} ms`, `${tDetect.toFixed(1)} ms (${mb(tDetect, bytes)})`, `${tNaive.toFixed(1)} ms`, `${ratio.toFixed(2)}×`, `${(tNaive / tDetect).toFixed(1)}×`]);
}
console.log('Genkendelse på planlignende tekst (median)');
console.log(['størrelse', 'toLowerCase()', 'detect()', 'naiv regex pr. variant', 'detect/toLowerCase, skiftevis målt (mål ≤ 5×)', 'naiv/detect'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
console.log(`10 MB / 1 MB: ${(results['10 MB']! / results['1 MB']!).toFixed(2)} (lineært ≈ 10)`);

// Incremental: edit one paragraph in the middle of a 1 MB text (IncrementalText), and the flat redetect() path.
{
  const text = planLike(1e6);
  const doc = new IncrementalText(detector, text);
  const at = text.indexOf('\n\n', text.length / 2) + 2;
  let inserted = false;
  const t = time(() => {
    // Type a word, then delete it again: each call is one edit of one paragraph.
    if (inserted) doc.edit({ start: at, end: at + 16, insert: '' });
    else doc.edit({ start: at, end: at, insert: 'lektiecaféen og ' });
    inserted = !inserted;
  }, 500);
  const previous = { text, matches: detector.detect(text) };
  const tFlat = time(() => redetect(detector, previous, { start: at, end: at, insert: 'lektiecaféen og ' }), 300);
  console.log(`\nGenkendelse af ét redigeret afsnit i 1 MB tekst (IncrementalText): ${(t * 1000).toFixed(0)} µs (mål < 200 µs)`);
  console.log(`Samme redigering med redetect() på den flade tekst (kopierer og forskyder alle fund): ${(tFlat * 1000).toFixed(0)} µs`);
}

// Pathological inputs stay linear: time beside normal text of the same size.
{
  const size = 1e6;
  const normal = planLike(size);
  const tNormal = time(() => detector.detect(normal));
  const cases: [string, string][] = [
    ['bindestreger', '-'.repeat(size)],
    ['bindestreg + linjeskift', '-\n'.repeat(size / 2)],
    ['bløde bindestreger', '\u00ad'.repeat(size / 2)],
    ['1 MB uden mellemrum', 'lektiecafé'.repeat(size / 11)],
    ['ord med bløde bindestreger', 'bydels\u00admødre-'.repeat(size / 14)],
    ['afkortede ord', 'børne- og '.repeat(size / 10)],
    ['forkortelser med punktum', 'Bydelsm. mødregr. '.repeat(size / 18)],
    ['kæde af bindestregsord', 'bydels\u00admødre-'.repeat(size / 14)],
    ['indre ankre uden ordgrænse', 'mægling'.repeat(size / 7)],
  ];
  console.log(`\nPatologiske input (1 MB) ved siden af normal tekst: ${tNormal.toFixed(1)} ms`);
  for (const [label, text] of cases) {
    const t1 = time(() => detector.detect(text), 200);
    const big = text.repeat(10);
    const t10 = time(() => detector.detect(big), 0, 1);
    console.log(`${label}: ${t1.toFixed(1)} ms (${(t1 / tNormal).toFixed(2)}× normal), 10×/1×: ${(t10 / t1).toFixed(2)}`);
  }
}
