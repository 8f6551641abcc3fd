import { describe, expect, it } from 'vitest';
import { CatalogError, compileCatalog, parseBlocks } from '../../core/catalog/compile.js';
import { catalogFiles } from '../helpers.js';

function withFile(path: string, edit: (content: string) => string) {
  return catalogFiles().map((f) => (f.path === path ? { ...f, content: edit(f.content) } : f));
}

function problemsOf(files: ReturnType<typeof catalogFiles>): string[] {
  try {
    compileCatalog(files);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    return (e as CatalogError).problems;
  }
  throw new Error('expected the catalogue to fail');
}

const lektie = 'catalog/activity-types/lektiecafeer.md';

describe('catalogue compiler', () => {
  it('compiles the real catalogue', () => {
    const c = compileCatalog(catalogFiles());
    expect(c.activityTypes).toHaveLength(40);
    expect(c.focusAreas).toHaveLength(4);
  });

  it('names the file and the field of a missing verdict', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/^verdict:[\s\S]*?\n(?=page:)/m, '')));
    expect(problems).toEqual([expect.stringMatching(/^catalog\/activity-types\/lektiecafeer\.md: verdict: /)]);
  });

  it('names the field of an invalid evidence value', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/^evidence: .*$/m, 'evidence: maybe')));
    expect(problems.join('\n')).toMatch(/lektiecafeer\.md: evidence: /);
  });

  it('reports broken YAML with the file name', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/^name: .*$/m, 'name: [unclosed')));
    expect(problems.join('\n')).toMatch(/lektiecafeer\.md: front matter: ugyldig YAML/);
  });

  it('reports a missing section by its Danish heading', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/## Samarbejdspartnere\n[\s\S]*?(?=\n## )/, '')));
    expect(problems).toContain(
      'catalog/activity-types/lektiecafeer.md: sections.partners: afsnittet "## Samarbejdspartnere" mangler eller er tomt',
    );
  });

  it('rejects prerequisites that are not a list', () => {
    const problems = problemsOf(
      withFile(lektie, (c) => c.replace(/## Grundforudsætninger\n[\s\S]*?(?=\n## )/, '## Grundforudsætninger\n\nEn løs tekst.\n')),
    );
    expect(problems.join('\n')).toMatch(/lektiecafeer\.md: sections\.prerequisites: .*punktliste/);
  });

  it('rejects an id that is not the slug of the name', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/^name: .*$/m, 'name: Lektiecafé')));
    expect(problems.join('\n')).toMatch(/lektiecafeer\.md: id: skal være "lektiecafe"/);
  });

  it('rejects links to unknown activity types', () => {
    const files = withFile(lektie, (c) => c.replace(/^related:.*$/m, 'related:\n  - findes-ikke'));
    expect(problemsOf(files)).toEqual(['catalog/activity-types/lektiecafeer.md: related: ukendt aktivitetstype "findes-ikke"']);
  });

  it('rejects upper-case detection patterns', () => {
    const files = withFile(lektie, (c) => c.replace(/^  terms:\n/m, '  terms:\n  - Lektie\n'));
    expect(problemsOf(files)).toEqual([
      'catalog/activity-types/lektiecafeer.md: detection.terms.0: mønstre skrives med små bogstaver',
    ]);
  });

  it('rejects detection patterns the detector cannot read', () => {
    const files = withFile(lektie, (c) => c.replace(/^  terms:\n/m, '  terms:\n  - … cafe\n  - łódź\n'));
    expect(problemsOf(files)).toEqual([
      'catalog/activity-types/lektiecafeer.md: detection.terms.0: "… cafe": et mønster kan ikke begynde med …',
      'catalog/activity-types/lektiecafeer.md: detection.terms.1: "łódź": tegnet "ł" ligger uden for Latin-1 og kan ikke genkendes',
    ]);
  });

  it('rejects a file without front matter', () => {
    const problems = problemsOf(withFile(lektie, (c) => c.replace(/^---\n/, '')));
    expect(problems.join('\n')).toMatch(/lektiecafeer\.md: front matter: /);
  });

  it('keeps focus areas consistent in both directions', () => {
    const problems = problemsOf(
      withFile(lektie, (c) => c.replace(/^focusAreas:\n/m, 'focusAreas:\n  - tryghed-og-trivsel\n')),
    );
    expect(problems.join('\n')).toMatch(/tryghed-og-trivsel\.md: activityTypes: mangler "lektiecafeer"/);
  });

  it('parses paragraphs, lists and sub-headings', () => {
    expect(parseBlocks('Første linje\nfortsætter.\n\n- Et punkt\n  der fortsætter\n- Andet\n\n### Under\nTekst')).toEqual([
      { type: 'paragraph', text: 'Første linje fortsætter.' },
      { type: 'list', items: ['Et punkt der fortsætter', 'Andet'] },
      { type: 'heading', text: 'Under' },
      { type: 'paragraph', text: 'Tekst' },
    ]);
  });
});
