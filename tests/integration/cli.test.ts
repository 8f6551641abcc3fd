// The built command line, run as a user runs it (after `npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan, toParagraphs } from '../../core/analysis.js';
import { catalog } from '../../core/catalog/index.js';
import { root, sampleDir } from '../helpers.js';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'indsatsviden.mjs'), ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'indsatsviden-'));
const docx = join(root, 'examples', 'helhedsplan-eksempel.docx');

describe('indsatsviden catalog', () => {
  it('prints the compiled catalogue as JSON in the documented shape', () => {
    const r = cli(['catalog', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.edition.title).toBe('Inspirations- og vidensKatalog');
    expect(c.focusAreas.map((a: { id: string }) => a.id)).toEqual(catalog.focusAreas.map((a) => a.id));
    expect(c.activityTypes).toHaveLength(40);
    for (const t of c.activityTypes) {
      for (const key of ['id', 'name', 'variants', 'focusAreas', 'evidence', 'verdict', 'page', 'pageRange', 'sections', 'references', 'related', 'subActivities']) {
        expect(t, `${t.id}.${key}`).toHaveProperty(key);
      }
    }
  });

  it('prints a readable Danish overview table', () => {
    const r = cli(['catalog']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aktivitetstype');
    expect(r.stdout).toContain('Lektiecaféer');
    expect(r.stdout).toContain('ca. s. 105');
    expect(r.stdout.split('\n').filter((l) => /✓|✗/.test(l))).toHaveLength(40);
  });
});

describe('indsatsviden detect', () => {
  it('prints matches with exact offsets for a file and for stdin', () => {
    const file = join(sampleDir, 'docs', '12_vestbyparken_mail_sundhedspleje.txt');
    const text = readFileSync(file, 'utf8');
    const fromFile = JSON.parse(cli(['detect', '--json', file]).stdout);
    const fromStdin = JSON.parse(cli(['detect', '--json', '-'], text).stdout);
    expect(fromStdin).toEqual(fromFile);
    expect(fromFile.matches.length).toBeGreaterThan(3);
    for (const m of fromFile.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prints a readable list without --json', () => {
    const r = cli(['detect', '-'], 'Vi starter en lektiecafé.');
    expect(r.stdout).toMatch(/^14-24\tnavn\s+\t"lektiecafé"\tLektiecaféer – dokumenteret virkning/m);
  });
});

describe('indsatsviden analyse', () => {
  it('analyses the example .docx with its headings, like the .md version', () => {
    const r = cli(['analyse', docx, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.paragraphs[0]).toEqual({ text: 'Boligsocial helhedsplan for Lindegården 2026–2030', heading: true, level: 1 });
    const md = analysePlan(toParagraphs(readFileSync(join(root, 'examples', 'helhedsplan-eksempel.md'), 'utf8'), { markdown: true }));
    const summary = (x: { findings: { id: string; tier: string; count: number }[] }) =>
      x.findings.map((f) => `${f.tier}:${f.id}:${f.count}`).sort();
    expect(summary(a)).toEqual(summary(md));
    expect(a.evidence).toMatchObject({ documented: md.evidence.documented, total: md.evidence.total, share: md.evidence.share });
    expect(a.evidence.meetsRequirement).toBe(true);
    for (const f of a.findings) {
      for (const o of f.occurrences) expect(a.paragraphs[o.paragraph].text.slice(o.start, o.end)).toBe(o.text);
    }
    expect(Object.keys(a.coverage)).toHaveLength(4);
    expect(a.alternatives).toHaveProperty('naboambassadoerer');
  });

  it('writes a self-contained HTML report with -o', () => {
    const out = join(tmp(), 'rapport.html');
    const r = cli(['analyse', docx, '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Dokumenterede alternativer');
    expect(html).toMatch(/<a href="#afsnit-\d+">/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    expect(html).not.toMatch(/<script/i);
  });

  it('reads plain text from stdin and prints a Danish report', () => {
    const r = cli(['analyse', '-'], 'Vi holder tryghedsvandringer.\n\nNaboambassadører byder velkommen.');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 af 2 aktivitetstyper (50 %)');
    expect(r.stdout).toContain('ikke opfyldt');
  });

  it('fails clearly on a corrupt .docx and writes nothing', () => {
    const dir = tmp();
    const bad = join(dir, 'ødelagt.docx');
    writeFileSync(bad, 'PK\u0003\u0004 dette er ikke en rigtig docx');
    const out = join(dir, 'rapport.html');
    const r = cli(['analyse', bad, '--format', 'html', '-o', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/kan ikke læses som et Word-dokument/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails clearly on a missing file, an unsupported extension and empty input', () => {
    const missing = cli(['analyse', 'findes-ikke.docx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('indsatsviden: Filen findes ikke: findes-ikke.docx\n');
    const dir = tmp();
    writeFileSync(join(dir, 'plan.pdf'), 'x');
    expect(cli(['analyse', join(dir, 'plan.pdf')]).stderr).toMatch(/Filtypen "\.pdf" understøttes ikke/);
    const empty = cli(['analyse', '-'], '   \n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/tomt/);
  });
});

describe('indsatsviden block', () => {
  it('prints one block in the chosen format', () => {
    const r = cli(['block', 'lektiecafeer', '--kind', 'evidens', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Evidensgrundlag: Lektiecaféer/);
    expect(r.stdout).toContain('ca. s. 105');
  });

  it('prints all four kinds by default and JSON on request', () => {
    expect(cli(['block', 'tryghedsvandringer']).stdout).toMatch(/Evidensgrundlag[\s\S]*Grundforudsætninger[\s\S]*Aktivitetsbeskrivelse[\s\S]*Anbefalinger/);
    const json = JSON.parse(cli(['block', 'tryghedsvandringer', '--format', 'json']).stdout);
    expect(json.map((b: { kind: string }) => b.kind)).toEqual(['evidens', 'forudsaetninger', 'beskrivelse', 'anbefalinger']);
  });

  it('suggests the nearest ids for an unknown id', () => {
    const r = cli(['block', 'lektiecafe']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Ukendt aktivitetstype: "lektiecafe"\. Mente du: lektiecafeer/);
  });

  it('rejects an unknown kind or format', () => {
    expect(cli(['block', 'lektiecafeer', '--kind', 'roman']).stderr).toMatch(/--kind skal være en af/);
    expect(cli(['block', 'lektiecafeer', '--format', 'pdf']).stderr).toMatch(/--format skal være en af/);
  });
});
