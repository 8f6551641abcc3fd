// The compiled catalogue against the source: counts, evidence, focus areas, sections, pages and fidelity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityType, catalog, citation, pageLabel } from '../../core/catalog/index.js';
import { splitSentences } from '../../core/text.js';
import { slugify } from '../../core/slug.js';
import { sectionKeys } from '../../core/schema.js';
import { seedDir, sourceMap } from '../helpers.js';

const map = sourceMap();
const seedLines = readFileSync(join(seedDir, '000_6a33802e7fdd0a06.txt'), 'utf8').split('\n');
const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

describe('catalogue', () => {
  it('has 40 activity types and 4 focus areas', () => {
    expect(catalog.activityTypes).toHaveLength(40);
    expect(catalog.focusAreas.map((a) => a.id)).toEqual([
      'tryghed-og-trivsel',
      'kriminalpraeventiv-indsats',
      'uddannelse-og-beskaeftigelse',
      'forebyggelse-og-foraeldreansvar',
    ]);
  });

  it('has 28 documented and 12 not documented types, as Bilag 2 says', () => {
    expect(catalog.activityTypes.filter((t) => t.evidence === 'documented')).toHaveLength(28);
    expect(catalog.activityTypes.filter((t) => t.evidence === 'not-documented')).toHaveLength(12);
    for (const s of map.activityTypes) expect(activityType(s.id)?.evidence, s.id).toBe(s.evidence);
  });

  it('uses the slug of the Bilag 2 name as id', () => {
    for (const t of catalog.activityTypes) expect(slugify(t.name)).toBe(t.id);
    expect(activityType('boerne-og-ungeraad')?.name).toBe('Børne- og ungeråd');
    expect(activityType('konflikthaandtering-og-maegling')).toBeDefined();
    expect(activityType('gadeplansarbejde-opsoegende-relationsarbejde-med-unge')).toBeDefined();
  });

  it('gives every type the focus areas of the chapters it appears in', () => {
    for (const s of map.activityTypes) {
      expect([...activityType(s.id)!.focusAreas].sort(), s.id).toEqual([...s.focusAreas].sort());
    }
    for (const area of catalog.focusAreas) {
      const expected = map.activityTypes.filter((s) => s.focusAreas.includes(area.id)).map((s) => s.id).sort();
      expect([...area.activityTypes].sort(), area.id).toEqual(expected);
    }
  });

  it('has every section present and non-empty, and the prerequisites as a list', () => {
    for (const t of catalog.activityTypes) {
      for (const key of sectionKeys) expect(t.sections[key].text.trim().length, `${t.id}.${key}`).toBeGreaterThan(20);
      expect(t.prerequisites.length, t.id).toBeGreaterThan(0);
    }
  });

  it("closes each evidence section with the type's verdict, which agrees with Bilag 2", () => {
    for (const t of catalog.activityTypes) {
      expect(compact(t.sections.documentation.text), t.id).toContain(compact(t.verdict));
      const documented = /(?<!ikke )er tilstrækkeligt underbygget til, at der er dokumentation for dens virkning/.test(t.verdict);
      const notDocumented = /ikke er tilstrækkeligt underbygget/.test(t.verdict);
      expect(documented !== notDocumented, `${t.id}: ${t.verdict}`).toBe(true);
      expect(notDocumented ? 'not-documented' : 'documented', t.id).toBe(t.evidence);
    }
  });

  it('takes pages from the source map and marks estimated ones "ca."', () => {
    for (const s of map.activityTypes) {
      const t = activityType(s.id)!;
      expect(t.page, s.id).toBe(s.page);
      expect(t.pageRange, s.id).toEqual(s.pageRange);
      expect(t.pageEstimated, s.id).toBe(/^(estimated|extrapolated)/.test(s.pageBasis));
      expect(t.page).toBeGreaterThanOrEqual(1);
      expect(t.pageRange[1]).toBeLessThanOrEqual(catalog.edition.pageCount);
    }
    expect(pageLabel(activityType('lektiecafeer')!)).toBe('ca. s. 105');
    expect(pageLabel(activityType('tryghedsvandringer')!)).toBe('s. 48');
    expect(citation(activityType('tryghedsvandringer')!)).toMatch(/^CFBU, Inspirations- og vidensKatalog .*2015.*18.*, s\. 48$/);
    for (const a of catalog.focusAreas) expect(a.page).toBeLessThanOrEqual(catalog.edition.pageCount);
  });

  it('carries its edition', () => {
    expect(catalog.edition.title).toBe('Inspirations- og vidensKatalog');
    expect(catalog.edition.shortPublisher).toBe('CFBU');
    expect(catalog.edition.programme).toMatch(/2015.*18/);
    expect(compact(catalog.edition.lbfRequirement)).toContain(
      compact('størstedelen af de indsatser, der iværksættes i helhedsplanerne skal have en dokumenteret effekt'),
    );
  });

  it('has no sentence whose subject is another activity type', () => {
    const problems: string[] = [];
    for (const t of catalog.activityTypes) {
      const others = catalog.activityTypes.filter((o) => o.id !== t.id && !t.related.includes(o.id));
      for (const key of sectionKeys) {
        for (const sentence of splitSentences(t.sections[key].text)) {
          const lower = sentence.toLowerCase();
          for (const o of others) {
            const name = o.name.toLowerCase();
            if (lower.startsWith(name) || lower.startsWith(`aktivitetstypen ${name}`)) {
              problems.push(`${t.id}.${key}: "${sentence.slice(0, 80)}…" handler om ${o.id}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('invents no words: every word of every section stands in the source', () => {
    const source = compact(seedLines.join('\n'));
    // A word hyphenated over a column break: its head ends some line with "-", its tail starts another line.
    const heads = new Set(seedLines.map((l) => /([\p{L}]+)-\s*$/u.exec(l)?.[1]?.toLowerCase()).filter(Boolean));
    const tails = new Set(seedLines.map((l) => /^\s*[·•]?\s*([\p{L}]+)/u.exec(l)?.[1]?.toLowerCase()).filter(Boolean));
    const rejoined = (w: string) => {
      const lower = w.toLowerCase();
      for (let k = 1; k < lower.length; k++) if (heads.has(lower.slice(0, k)) && tails.has(lower.slice(k))) return true;
      return false;
    };
    const problems: string[] = [];
    for (const t of catalog.activityTypes) {
      for (const key of sectionKeys) {
        for (const word of t.sections[key].text.split(/[^\p{L}\p{N}]+/u)) {
          if (word.length >= 4 && !source.includes(compact(word)) && !rejoined(word)) problems.push(`${t.id}.${key}: ${word}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('loses no text: the long words of the owned source lines are in the type', () => {
    const full = JSON.parse(readFileSync(join(seedDir, 'source-map.json'), 'utf8')) as {
      activityTypes: { id: string; ownLines: [number, number][] }[];
    };
    const problems: string[] = [];
    for (const s of full.activityTypes) {
      const t = activityType(s.id)!;
      const own = compact(
        [t.name, ...t.variants, ...Object.values(t.sections).map((x) => x.text), ...t.subActivities.map((x) => x.description)].join(' '),
      );
      // Whole words only: a line's first word and a hyphenated last word may continue elsewhere.
      const words = s.ownLines
        .flatMap(([a, b]) => seedLines.slice(a - 1, b))
        .flatMap((line) => line.replace(/[\p{L}]+-\s*$/u, '').split(/\s+/).slice(1))
        .flatMap((w) => w.split(/[^\p{L}]+/u));
      const missing = new Set<string>();
      for (const word of words) {
        if (word.length >= 9 && word === word.toLowerCase() && !own.includes(compact(word))) missing.add(word);
      }
      if (missing.size > 0) problems.push(`${s.id}: ${[...missing].join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('links related types and cites references that stand in the text', () => {
    for (const t of catalog.activityTypes) {
      for (const r of t.related) expect(activityType(r), `${t.id} → ${r}`).toBeDefined();
      const text = compact(Object.values(t.sections).map((s) => s.text).join(' '));
      for (const ref of t.references) {
        const author = ref.split(/[ ,&]/)[0]!;
        expect(text, `${t.id}: ${ref}`).toContain(compact(author));
      }
    }
    expect(activityType('fremskudt-sundhedspleje-og-moedregrupper')!.subActivities.map((s) => s.name)).toContain('Mødregrupper');
  });
});

describe('catalogue search', () => {
  it('finds types by name or variant, in any case, within a focus area and evidence', async () => {
    const { searchCatalog } = await import('../../core/catalog/index.js');
    expect(searchCatalog('LEKTIE').map((t) => t.id)).toEqual(['lektiecafeer']);
    expect(searchCatalog('sammenhængskraft').map((t) => t.id)).toEqual(['aktiviteter-til-styrkelse-af-naboskab-og-social-sammenhaengskraft']);
    const trygNot = searchCatalog('', { focusArea: 'tryghed-og-trivsel', evidence: 'not-documented' });
    expect(trygNot.length).toBeGreaterThan(0);
    for (const t of trygNot) {
      expect(t.focusAreas).toContain('tryghed-og-trivsel');
      expect(t.evidence).toBe('not-documented');
    }
    expect(searchCatalog('')).toHaveLength(40);
  });
});
