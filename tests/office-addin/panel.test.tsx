// @vitest-environment happy-dom
// The panel against the fake document: overview numbers from core's analysePlan, findings, go-to, set aside kept
// in document settings, insertion that never overwrites a selection, follow-the-cursor and incremental rescans.
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysePlan } from '../../core/analysis.js';
import { parseBlockTag } from '../../core/blocks.js';
import { FakeWordDocument } from '../../office-addin/src/word/fake-document.js';
import { App } from '../../office-addin/src/ui/App.js';
import { Scanner } from '../../office-addin/src/scan/scanner.js';
import { IGNORE_KEY } from '../../office-addin/src/settings.js';
import { planParagraphs } from './fixtures/plan.js';

let root: HTMLElement;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function until<T>(probe: () => T | null | undefined | false, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await act(() => wait(20));
  }
}
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const buttonNamed = (name: RegExp, scope: ParentNode = root) =>
  [...scope.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
async function click(el: HTMLElement | undefined | null) {
  if (!el) throw new Error('no element');
  await act(async () => {
    el.click();
    await wait(10);
  });
}
const asAnalysisInput = (ps: typeof planParagraphs) => ps.map((p) => (p.heading ? { text: p.text, heading: true, level: p.level } : { text: p.text }));

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(doc: FakeWordDocument) {
  await act(async () => {
    render(<App doc={doc} rescanDebounceMs={20} />, root);
  });
  await until(() => byTestId('evidence-share'));
}

describe('task pane against the fake document', () => {
  it('shows the overview numbers core computes for the same text', async () => {
    const doc = new FakeWordDocument(planParagraphs);
    await mount(doc);
    const expected = analysePlan(asAnalysisInput(planParagraphs));
    expect(expected.evidence.total).toBeGreaterThan(3);
    expect(byTestId('evidence-count')!.textContent).toBe(`${expected.evidence.documented} af ${expected.evidence.total}`);
    expect(byTestId('evidence-share')!.textContent).toBe(`${Math.round(expected.evidence.share! * 100)} %`);
    expect(byTestId('count-name')!.textContent).toBe(String(expected.counts.name));
    expect(byTestId('count-concept')!.textContent).toBe(String(expected.counts.concept));
    expect(byTestId('verdict')!.textContent).toBe(expected.verdict);
    const meter = root.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).toBe(String(Math.round(expected.evidence.share! * 100)));
  });

  it('lists findings grouped, with badges in text, and go-to selects the chosen occurrence', async () => {
    const doc = new FakeWordDocument(planParagraphs);
    await mount(doc);
    await click(root.querySelector<HTMLElement>('#tab-fund'));
    const card = await until(() => byTestId('finding-lektiecafeer'));
    expect(card.textContent).toContain('Dokumenteret virkning');
    expect(card.closest('[data-testid="group-documented"]')).not.toBeNull();
    expect(byTestId('finding-faedreindsatser')!.closest('[data-testid="group-not-documented"]')).not.toBeNull();
    expect(byTestId('finding-faedreindsatser')!.textContent).toContain('Ikke dokumenteret virkning');
    // The preview is the catalogue's description excerpt, tied to the name for screen readers.
    const name = card.querySelector('.finding-name')!;
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent!.length).toBeGreaterThan(40);

    const third = buttonNamed(/Gå til forekomst 3 af 3/, card);
    await click(third);
    const paragraph = planParagraphs.findIndex((p) => p.text.startsWith('Lektiecafe i beboerhuset'));
    const text = planParagraphs[paragraph]!.text;
    expect(doc.selection).toEqual({ paragraph, start: text.lastIndexOf('lektiecafe'), end: text.lastIndexOf('lektiecafe') + 10 });
    await click(buttonNamed(/Forrige forekomst af Lektiecaféer|Forrige forekomst af Lektiecafe/i, card));
    expect(doc.selection.start).toBe(text.indexOf('lektiecafe'));
    expect(byTestId('position') && card.querySelector('[data-testid="position"]')!.textContent).toBe('2 af 3');
  });

  it('sets a finding aside in document settings and recomputes the overview', async () => {
    const doc = new FakeWordDocument(planParagraphs);
    await mount(doc);
    await click(root.querySelector<HTMLElement>('#tab-fund'));
    const card = await until(() => byTestId('finding-lektiecafeer'));
    await click(buttonNamed(/Ikke en del af planen/, card));
    expect(doc.getSetting(IGNORE_KEY)).toEqual(['lektiecafeer']);
    await until(() => byTestId('group-ignored')?.querySelector('[data-testid="finding-lektiecafeer"]'));
    await click(root.querySelector<HTMLElement>('#tab-oversigt'));
    const expected = analysePlan(asAnalysisInput(planParagraphs), { ignore: ['lektiecafeer'] });
    expect(byTestId('evidence-count')!.textContent).toBe(`${expected.evidence.documented} af ${expected.evidence.total}`);
    // A new pane on the same document starts from the stored choice.
    render(null, root);
    await mount(doc);
    expect(byTestId('evidence-count')!.textContent).toBe(`${expected.evidence.documented} af ${expected.evidence.total}`);
  });

  it('asks before inserting when text is selected, then inserts after it as one tagged block', async () => {
    const doc = new FakeWordDocument(planParagraphs);
    await mount(doc);
    doc.selection = { paragraph: 10, start: 0, end: 10 };
    await click(root.querySelector<HTMLElement>('#tab-katalog'));
    await click(buttonNamed(/^Bydelsmødre$/));
    await until(() => byTestId('details'));
    const before = doc.paragraphs.length;
    await click(byTestId('insert-evidens'));
    expect(doc.paragraphs.length).toBe(before); // nothing written yet
    await click(await until(() => byTestId('confirm-insert')));
    expect(doc.paragraphs.length).toBeGreaterThan(before);
    expect(doc.paragraphs[10]!.text).toBe(planParagraphs[10]!.text); // the selection's paragraph is intact
    expect(parseBlockTag(doc.paragraphs[11]!.control!)).toMatchObject({ id: 'bydelsmoedre/evidens' });
    await until(() => byTestId('details')!.textContent!.includes('allerede i dokumentet'));
  });

  it('follows the cursor into a mention and rescans after an edit', async () => {
    const doc = new FakeWordDocument(planParagraphs);
    await mount(doc);
    const text = planParagraphs[14]!.text;
    doc.setSelection(14, text.indexOf('Bydelsmødre') + 3);
    const details = await until(() => byTestId('details'));
    expect(details.querySelector('h2')!.textContent).toBe('Bydelsmødre');
    await click(buttonNamed(/Tilbage/));
    const before = analysePlan(asAnalysisInput(planParagraphs));
    const edited = planParagraphs.map((p) => ({ ...p }));
    edited[16] = { text: 'Vi starter også lommepengeprojekter og en motionsaktivitet for seniorer.', style: 'Normal' };
    await act(async () => doc.edit(16, edited[16]!.text));
    const after = analysePlan(asAnalysisInput(edited));
    expect(after.evidence.total).toBeGreaterThan(before.evidence.total);
    await until(() => byTestId('evidence-count')!.textContent === `${after.evidence.documented} af ${after.evidence.total}`);
  });
});

describe('Scanner', () => {
  it('detects in chunks that yield, and re-detects only changed paragraphs', async () => {
    const paragraphs = Array.from({ length: 900 }, (_, i) => ({ text: `Afsnit ${i}: vi har en lektiecafe og bydelsmødre (${i}).` }));
    const doc = new FakeWordDocument(paragraphs);
    let yields = 0;
    const scanner = new Scanner(doc, { chunkSize: 100, yieldToUi: async () => void yields++ });
    const first = await scanner.scan([]);
    expect(first.detected).toBe(900);
    expect(first.chunks).toBe(9);
    expect(yields).toBe(9);
    doc.edit(5, 'Nu med tryghedsvandringer.');
    const second = await scanner.scan([]);
    expect(second.detected).toBe(1);
    expect(second.analysis.findings.some((f) => f.id === 'tryghedsvandringer')).toBe(true);
    expect(second.analysis).toEqual(analysePlan(doc.paragraphs.map((p) => ({ text: p.text }))));
  });
});
