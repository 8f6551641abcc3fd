// The production manifest, checked offline: well-formed, ids, Danish texts, one base for every URL, WordApi 1.3,
// icons present in the build, ReadWriteDocument, a ribbon button. (`npm run addin:validate` is the online check.)
import { DOMParser } from '@xmldom/xmldom';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddinInto } from './build.js';

const BASE = 'https://plan.example.org/indsatsviden';
let outDir = '';
let xml = '';
let doc: Document;

beforeAll(() => {
  const built = buildAddinInto(BASE);
  expect(built.status, built.stderr).toBe(0);
  outDir = built.outDir;
  xml = readFileSync(join(outDir, 'manifest.xml'), 'utf8');
  const errors: string[] = [];
  doc = new DOMParser({
    errorHandler: { warning: () => {}, error: (e: string) => errors.push(e), fatalError: (e: string) => errors.push(e) },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
});
afterAll(() => rmSync(dirname(outDir), { recursive: true, force: true }));

const elements = (name: string) => Array.from(doc.getElementsByTagName(name));
const one = (name: string) => {
  const all = elements(name);
  expect(all.length, name).toBeGreaterThan(0);
  return all[0]!;
};

describe('production manifest', () => {
  it('is a TaskPaneApp with a GUID id and Danish name and description', () => {
    expect(doc.documentElement.tagName).toBe('OfficeApp');
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one('DefaultLocale').textContent).toBe('da-DK');
    expect(one('DisplayName').getAttribute('DefaultValue')).toBe('Indsatsviden');
    const description = one('Description').getAttribute('DefaultValue')!;
    expect(description).toMatch(/aktivitetstyper/);
    expect(description).toMatch(/[æøå]/);
    expect(one('Host').getAttribute('Name')).toBe('Document');
  });

  it('requires WordApi 1.3 and asks for ReadWriteDocument', () => {
    const sets = elements('Set').filter((s) => s.getAttribute('Name') === 'WordApi');
    expect(sets.map((s) => s.getAttribute('MinVersion'))).toEqual(['1.3']);
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('has a ribbon button that opens the task pane', () => {
    const overrides = one('VersionOverrides');
    expect(overrides.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
    expect(one('ExtensionPoint').getAttribute('xsi:type')).toBe('PrimaryCommandSurface');
    const control = one('Control');
    expect(control.getAttribute('xsi:type')).toBe('Button');
    const action = control.getElementsByTagName('Action')[0]!;
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    // Every resid points to a defined resource.
    const ids = new Set(Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('id')).filter(Boolean));
    const resids = Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('resid')).filter(Boolean);
    expect(resids.length).toBeGreaterThan(5);
    for (const r of resids) expect(ids.has(r), r!).toBe(true);
  });

  it('takes every URL from the one configured base, and every file it names exists in the build', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|href)="(https?:[^"]+)"|>(https?:[^<]+)</g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`), url).toBe(true);
      const file = join(outDir, url.slice(BASE.length + 1));
      expect(existsSync(file), file).toBe(true);
    }
    for (const size of [16, 32, 80]) expect(urls).toContain(`${BASE}/icons/icon-${size}.png`);
  });

  it('loads office.js from Microsoft’s CDN and nothing else from the network', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const external = [...html.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('refuses a base URL that is not https', () => {
    const built = buildAddinInto('http://plan.example.org');
    expect(built.status).not.toBe(0);
    expect(built.stderr).toMatch(/https/);
    rmSync(dirname(built.outDir), { recursive: true, force: true });
  });
});
