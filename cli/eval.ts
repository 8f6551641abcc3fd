// `indsatsviden eval`: precision and recall per tier on annotated documents (the sample corpus's format:
// docs/*.txt and gold.jsonl). A prediction is right when it overlaps a gold span and carries its id (or lists it
// among its candidates); name-tier gold needs a name-tier prediction.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detect, type Match } from '../core/detect/index.js';

export interface Gold {
  doc: string;
  start: number;
  end: number;
  text: string;
  id: string;
  tier: 'name' | 'concept';
}

export interface TierScore {
  tp: number;
  predicted: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
}

export interface EvalResult {
  documents: number;
  name: TierScore;
  concept: TierScore;
  misses: (Gold & { reason: string })[];
  falsePositives: (Match & { doc: string })[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const carries = (m: Match, id: string) => m.id === id || (m.candidates ?? []).includes(id);

export function loadCorpus(dir: string): { docs: Map<string, string>; gold: Gold[] } {
  const docs = new Map<string, string>();
  for (const name of readdirSync(join(dir, 'docs')).sort()) {
    docs.set(name, readFileSync(join(dir, 'docs', name), 'utf8'));
  }
  const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
  for (const g of gold) {
    const text = docs.get(g.doc);
    if (text === undefined) throw new Error(`${dir}/gold.jsonl: ukendt dokument ${g.doc}`);
    if (text.slice(g.start, g.end) !== g.text) {
      throw new Error(`${dir}/gold.jsonl: ${g.doc} ${g.start}-${g.end} er "${text.slice(g.start, g.end)}", ikke "${g.text}"`);
    }
  }
  return { docs, gold };
}

export function evaluate(corpora: { docs: Map<string, string>; gold: Gold[] }[]): EvalResult {
  const score = () => ({ tp: 0, predicted: 0, gold: 0, found: 0, precision: 1, recall: 1 });
  const name = score();
  const concept = score();
  const misses: EvalResult['misses'] = [];
  const falsePositives: EvalResult['falsePositives'] = [];
  let documents = 0;
  for (const { docs, gold } of corpora) {
    for (const [doc, text] of docs) {
      documents++;
      const predicted = detect(text);
      const docGold = gold.filter((g) => g.doc === doc);
      for (const m of predicted) {
        const s = m.tier === 'name' ? name : concept;
        s.predicted++;
        if (docGold.some((g) => overlaps(g, m) && carries(m, g.id))) s.tp++;
        else falsePositives.push({ ...m, doc });
      }
      for (const g of docGold) {
        const s = g.tier === 'name' ? name : concept;
        s.gold++;
        const hit = predicted.some((m) => overlaps(g, m) && carries(m, g.id) && (g.tier === 'concept' || m.tier === 'name'));
        if (hit) s.found++;
        else {
          const near = predicted.find((m) => overlaps(g, m));
          misses.push({ ...g, reason: near ? `fundet som ${near.id} (${near.tier})` : 'ikke fundet' });
        }
      }
    }
  }
  for (const s of [name, concept]) {
    s.precision = s.predicted === 0 ? 1 : s.tp / s.predicted;
    s.recall = s.gold === 0 ? 1 : s.found / s.gold;
  }
  return { documents, name, concept, misses, falsePositives };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function defaultCorpora(): string[] {
  return [join(root, 'tests', 'corpus'), join(root, '..', 'shared', 'eval', 'sample')].filter((d) =>
    existsSync(join(d, 'gold.jsonl')),
  );
}

export function runEval(dirs: string[]): number {
  const chosen = dirs.length ? dirs : defaultCorpora();
  if (chosen.length === 0) {
    process.stderr.write('indsatsviden: ingen annoterede korpusser fundet (tests/corpus, ../shared/eval/sample)\n');
    return 1;
  }
  const result = evaluate(chosen.map(loadCorpus));
  const f = (n: number) => n.toFixed(3);
  const line = (label: string, s: TierScore) =>
    `${label.padEnd(8)} præcision ${f(s.precision)} (${s.tp}/${s.predicted})   genkaldelse ${f(s.recall)} (${s.found}/${s.gold})`;
  const out = [
    `Korpusser: ${chosen.join(', ')} (${result.documents} dokumenter)`,
    line('navn', result.name),
    line('begreb', result.concept),
  ];
  const verbose = process.env.INDSATSVIDEN_EVAL_VERBOSE;
  if (verbose) {
    out.push('', 'Ikke fundet:');
    for (const m of result.misses) out.push(`  ${m.doc} ${m.start}-${m.end} ${m.tier} ${m.id} "${m.text}" – ${m.reason}`);
    out.push('', 'Forkerte fund:');
    for (const m of result.falsePositives) out.push(`  ${m.doc} ${m.start}-${m.end} ${m.tier} ${m.id} "${m.text}" [${m.pattern}]`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
