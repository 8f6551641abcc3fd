import { describe, expect, it } from 'vitest';
import { analysePlan, toParagraphs, verdictLine } from '../../core/analysis.js';
import { activityType, catalog } from '../../core/catalog/index.js';

const plan = [
  { text: 'Tryghed og trivsel', heading: true, level: 1 },
  { text: 'Vi gennemfører tryghedsvandringer og ansætter en social vicevært.' },
  { text: 'Naboambassadører byder nye beboere velkommen. Vi holder også fællesspisning.' },
  { text: 'Uddannelse', heading: true, level: 1 },
  { text: 'Lektiecaféen holder åbent tre dage. Et virksomhedscenter i helhedsplanen åbner i 2027.' },
];

describe('plan analysis', () => {
  const a = analysePlan(plan);

  it('lists every type found with count, occurrences, heading, evidence and focus areas', () => {
    const names = a.findings.filter((f) => f.tier === 'name').map((f) => f.id).sort();
    expect(names).toEqual(['lektiecafeer', 'naboambassadoerer', 'sociale-vicevaerter', 'tryghedsvandringer', 'virksomhedscenter-i-helhedsplanen']);
    const lektie = a.findings.find((f) => f.id === 'lektiecafeer')!;
    expect(lektie).toMatchObject({ count: 1, evidence: 'documented', focusAreas: activityType('lektiecafeer')!.focusAreas });
    expect(lektie.occurrences).toEqual([
      expect.objectContaining({ paragraph: 4, start: 0, end: 'Lektiecaféen'.length, text: 'Lektiecaféen', heading: 'Uddannelse' }),
    ]);
    const concept = a.findings.find((f) => f.tier === 'concept')!;
    expect(concept.id).toBe('aktiviteter-til-styrkelse-af-naboskab-og-social-sammenhaengskraft');
    expect(plan[concept.occurrences[0]!.paragraph]!.text.slice(concept.occurrences[0]!.start, concept.occurrences[0]!.end)).toBe('fællesspisning');
  });

  it('computes the evidence share on name-tier findings, concepts separately', () => {
    // documented: tryghedsvandringer, sociale-vicevaerter, lektiecafeer; not: naboambassadoerer, virksomhedscenter
    expect(a.evidence).toMatchObject({ documented: 3, total: 5, share: 0.6, meetsRequirement: true, headroom: 0, missing: 0 });
    expect(a.evidenceWithConcepts).toMatchObject({ documented: 4, total: 6 });
    expect(a.counts).toEqual({ name: 5, concept: 1, mentions: 6 });
  });

  it('writes a Danish verdict that quotes LBF and says where the plan stands', () => {
    expect(a.verdict).toContain(`»${catalog.edition.lbfRequirement}«`);
    expect(a.verdict).toContain('3 af 5 aktivitetstyper (60 %)');
    expect(a.verdict).toContain('kravet om størstedelen er opfyldt');
    expect(a.verdict).toContain(catalog.edition.title);
  });

  it('recomputes when the writer sets findings aside', () => {
    const b = analysePlan(plan, { ignore: ['tryghedsvandringer', 'sociale-vicevaerter'] });
    expect(b.evidence).toMatchObject({ documented: 1, total: 3, meetsRequirement: false, missing: 2 });
    expect(b.findings.find((f) => f.id === 'tryghedsvandringer')!.ignored).toBe(true);
    expect(b.verdict).toContain('ikke opfyldt');
    expect(b.verdict).toContain('2 aktivitetstyper under grænsen');
  });

  it('covers every focus area, documented types first', () => {
    expect(Object.keys(a.coverage)).toEqual(catalog.focusAreas.map((f) => f.id));
    const t = a.coverage['tryghed-og-trivsel'].types;
    expect(t.map((x) => x.id)).toContain('naboambassadoerer');
    const firstNot = t.findIndex((x) => x.evidence !== 'documented');
    expect(t.slice(firstNot).every((x) => x.evidence !== 'documented')).toBe(true);
    expect(a.coverage['forebyggelse-og-foraeldreansvar'].types.map((x) => x.id)).toEqual([
      'aktiviteter-til-styrkelse-af-naboskab-og-social-sammenhaengskraft',
    ]);
  });

  it('proposes documented alternatives sharing a focus area, ranked by shared areas', () => {
    const alts = a.alternatives['naboambassadoerer']!;
    expect(alts.length).toBeGreaterThan(0);
    for (const alt of alts) {
      const t = activityType(alt.id)!;
      expect(t.evidence).toBe('documented');
      expect(t.focusAreas).toContain('tryghed-og-trivsel');
      expect(alt.page).toBe(t.page);
    }
    const shared = alts.map((x) => x.sharedFocusAreas.length);
    expect(shared).toEqual([...shared].sort((x, y) => y - x));
    expect(alts.find((x) => x.id === 'sociale-vicevaerter')!.inPlan).toBe(true);
    expect(a.alternatives['lektiecafeer']).toBeUndefined();
  });

  it('handles a plan with no findings', () => {
    const empty = analysePlan('Planen handler om fysiske forbedringer af stierne.');
    expect(empty.findings).toEqual([]);
    expect(empty.evidence).toMatchObject({ documented: 0, total: 0, share: null, meetsRequirement: false });
    expect(empty.verdict).toContain('kan andelen ikke beregnes');
  });

  it('counts one type mentioned a hundred times as one type', () => {
    const many = analysePlan(Array.from({ length: 100 }, () => 'Bydelsmødrene mødes.').join('\n\n'));
    expect(many.findings).toHaveLength(1);
    expect(many.findings[0]!.count).toBe(100);
    expect(many.evidence).toMatchObject({ documented: 1, total: 1, share: 1 });
  });

  it('reports a mention made to reject a type, like any mention', () => {
    const r = analysePlan('Vi vil ikke etablere et værested for udsatte beboere i denne plan.');
    expect(r.findings.map((f) => f.id)).toEqual(['vaerested-for-udsatte-beboere']);
    expect(r.evidence.meetsRequirement).toBe(false);
  });

  it('splits text and Markdown into paragraphs with headings', () => {
    expect(toParagraphs('# Titel\nTekst\n\n## Del\n\nMere', { markdown: true })).toEqual([
      { text: 'Titel', heading: true, level: 1 },
      { text: 'Tekst' },
      { text: 'Del', heading: true, level: 2 },
      { text: 'Mere' },
    ]);
    expect(verdictLine({ documented: 2, total: 4, share: 0.5, meetsRequirement: false, missing: 1, headroom: 0, documentedIds: [], notDocumentedIds: [] })).toContain(
      '1 aktivitetstype under grænsen',
    );
  });
});
