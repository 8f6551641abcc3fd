// The Office.js adapter against office-addin-mock: batching (syncs do not grow with the document), go-to with
// repeated words, insertion structure and tags, settings, feature detection.
import { describe, expect, it, vi } from 'vitest';
import { blockTag, parseBlockTag, textBlock } from '../../core/blocks.js';
import { activityType } from '../../core/catalog/index.js';
import { createMockWord } from '../../office-addin/testing/mock-word.js';
import { OfficeWordDocument, POLL_MS } from '../../office-addin/src/word/office-document.js';
import { Scanner } from '../../office-addin/src/scan/scanner.js';

const plan = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 10 === 0
      ? { text: `Afsnit ${i}: Indsatser`, styleBuiltIn: 'Heading2', outlineLevel: 2 }
      : { text: `Vi driver en lektiecafe i afsnit ${i} og samarbejder med bydelsmødre om lektiecafe nummer to.` },
  );

describe('OfficeWordDocument (office-addin-mock)', () => {
  it('reads all paragraphs in one batch: one sync, whatever the size of the document', async () => {
    const counts: number[] = [];
    for (const n of [5, 500, 5000]) {
      const mock = createMockWord(plan(n));
      const doc = new OfficeWordDocument(mock.Word, mock.Office);
      const paragraphs = await doc.readParagraphs();
      expect(paragraphs).toHaveLength(n);
      counts.push(mock.log.syncs);
      expect(mock.log.loads).toEqual(['paragraphs:items/text,items/styleBuiltIn,items/outlineLevel']);
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('maps heading styles to heading levels', async () => {
    const mock = createMockWord([
      { text: 'Titel', styleBuiltIn: 'Heading1', outlineLevel: 1 },
      { text: 'Brødtekst', styleBuiltIn: 'Normal', outlineLevel: 10 },
      { text: 'Egen overskrift', styleBuiltIn: 'Other', outlineLevel: 3 },
    ]);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    expect(await doc.readParagraphs()).toEqual([
      { text: 'Titel', style: 'Heading1', heading: true, level: 1 },
      { text: 'Brødtekst', style: 'Normal' },
      { text: 'Egen overskrift', style: 'Other', heading: true, level: 3 },
    ]);
  });

  it('a whole scan through the adapter costs one sync for 50 and for 3000 paragraphs', async () => {
    for (const n of [50, 3000]) {
      const mock = createMockWord(plan(n));
      const scanner = new Scanner(new OfficeWordDocument(mock.Word, mock.Office), { yieldToUi: async () => {} });
      const result = await scanner.scan([]);
      expect(result.analysis.findings.some((f) => f.id === 'lektiecafeer')).toBe(true);
      expect(mock.log.syncs).toBe(1);
    }
  });

  it('go-to selects the right one of repeated words', async () => {
    const mock = createMockWord([{ text: 'Indledning' }, { text: 'Først en lektiecafe, så en lektiecafe til, og en sidste lektiecafe.' }]);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    const text = mock.paragraphs[1]!.text;
    const starts = [...text.matchAll(/lektiecafe/g)].map((m) => m.index!);
    for (const start of [starts[2]!, starts[0]!, starts[1]!]) {
      expect(await doc.selectMatch({ paragraph: 1, start, end: start + 10, text: 'lektiecafe' })).toBe(true);
      expect(mock.selection.from.offset).toBe(start);
      expect(mock.selectedText()).toBe('lektiecafe');
    }
    expect(mock.log.searches.every((s) => s === 'lektiecafe')).toBe(true);
  });

  it('go-to copes with a match longer than 255 characters', async () => {
    const long = `frivillige mentorer ${'og '.repeat(100)}slut`;
    const mock = createMockWord([{ text: `${long}. ${long}.` }]);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    const start = long.length + 2;
    expect(await doc.selectMatch({ paragraph: 0, start, end: start + long.length, text: long })).toBe(true);
    expect(mock.selectedText()).toBe(long);
    expect(mock.selection.from.offset).toBe(start);
    expect(Math.max(...mock.log.searches.map((s) => s.length))).toBeLessThanOrEqual(255);
  });

  it('go-to refuses when the paragraph changed since the scan', async () => {
    const mock = createMockWord([{ text: 'Her står ikke længere det ord.' }]);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    expect(await doc.selectMatch({ paragraph: 0, start: 0, end: 10, text: 'lektiecafe' })).toBe(false);
  });

  it('inserts a block as Word structure in one write batch, in a tagged content control, after a selection', async () => {
    const mock = createMockWord([{ text: 'Indledning' }, { text: 'Vi vil drive en lektiecafe.' }, { text: 'Afslutning' }]);
    mock.select(1, 16, 26); // "lektiecafe" is selected
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    const type = activityType('lektiecafeer')!;
    const block = textBlock(type, 'forudsaetninger');
    const result = await doc.insertBlock(block);
    expect(result.afterSelection).toBe(true);
    expect(result.tag).toBe(blockTag(block));
    // The selection and its paragraph are untouched; the block follows the paragraph.
    expect(mock.paragraphs[1]!.text).toBe('Vi vil drive en lektiecafe.');
    const listNode = block.nodes.find((n) => n.type === 'list')!;
    const items = listNode.type === 'list' ? listNode.items : [];
    const inserted = mock.paragraphs.slice(2, 2 + result.paragraphs);
    expect(inserted[0]).toMatchObject({ text: block.nodes[0]!.type === 'heading' ? block.nodes[0]!.text : '', styleBuiltIn: 'Heading2' });
    const listParagraphs = inserted.filter((p) => p.listId !== undefined);
    expect(listParagraphs.map((p) => p.text)).toEqual(items.map((i) => `☐ ${i}`));
    expect(new Set(listParagraphs.map((p) => p.listId)).size).toBe(1);
    expect(inserted[inserted.length - 1]!.listId).toBeUndefined(); // the citation is not a list item
    expect(mock.paragraphs[2 + result.paragraphs]!.text).toBe('Afslutning');
    // One read of the selection, then every write in the second (last) sync.
    expect(mock.log.syncs).toBe(2);
    const ops = mock.log.ops;
    const firstSync = ops.indexOf('sync');
    expect(ops.slice(firstSync + 1, -1).every((o) => o !== 'sync')).toBe(true);
    expect(ops[ops.length - 1]).toBe('sync');
    expect(mock.controls).toHaveLength(1);
    expect(mock.controls[0]).toMatchObject({ tag: blockTag(block), title: block.title, first: inserted[0], last: inserted[inserted.length - 1] });
    expect(parseBlockTag(mock.controls[0]!.tag)).toMatchObject({ id: 'lektiecafeer/forudsaetninger' });
    // …and recognised afterwards by its tag.
    expect(await doc.findInsertedBlocks()).toEqual([{ tag: blockTag(block), id: block.id, version: block.version }]);
  });

  it('keeps the ignore list in document settings', async () => {
    const mock = createMockWord([{ text: 'x' }]);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    expect(doc.getSetting('indsatsviden.ignore')).toBeUndefined();
    await doc.setSetting('indsatsviden.ignore', ['lektiecafeer']);
    expect(mock.settings.get('indsatsviden.ignore')).toEqual(['lektiecafeer']);
    expect(doc.getSetting('indsatsviden.ignore')).toEqual(['lektiecafeer']);
  });

  it('detects requirement sets: highlight and comments only where supported', async () => {
    const old = createMockWord([{ text: 'Vi har en lektiecafe.' }], { sets: ['1.3'] });
    const doc13 = new OfficeWordDocument(old.Word, old.Office);
    expect(doc13.capabilities).toEqual({ highlight: false, comments: false, paragraphEvents: false });
    expect(await doc13.highlight([{ paragraph: 0, start: 10, end: 20, text: 'lektiecafe' }])).toBe(0);
    expect(await doc13.addComment({ paragraph: 0, start: 10, end: 20, text: 'lektiecafe' }, 'x')).toBe(false);
    expect(old.log.syncs).toBe(0);

    const recent = createMockWord([{ text: 'Vi har en lektiecafe.' }]);
    const doc18 = new OfficeWordDocument(recent.Word, recent.Office);
    expect(doc18.capabilities).toEqual({ highlight: true, comments: true, paragraphEvents: true });
    expect(await doc18.highlight([{ paragraph: 0, start: 10, end: 20, text: 'lektiecafe' }])).toBe(1);
    expect(recent.log.highlighted).toEqual(['lektiecafe']);
    expect(await doc18.addComment({ paragraph: 0, start: 10, end: 20, text: 'lektiecafe' }, 'Kommentar')).toBe(true);
    expect(recent.log.comments).toEqual([{ text: 'Kommentar', on: 'lektiecafe' }]);
  });

  it('reads the selection as paragraph text and offsets', async () => {
    const mock = createMockWord([{ text: 'Indledning' }, { text: 'Vi vil drive en lektiecafe.' }]);
    mock.select(1, 18, 20);
    const doc = new OfficeWordDocument(mock.Word, mock.Office);
    expect(await doc.readSelection()).toEqual({ paragraphText: 'Vi vil drive en lektiecafe.', start: 18, end: 20 });
  });

  it('rescans on a timer where onParagraphChanged (WordApi 1.6) is missing, and stops when aborted', () => {
    vi.useFakeTimers();
    try {
      const mock = createMockWord([{ text: 'x' }], { sets: ['1.3'] });
      const doc = new OfficeWordDocument(mock.Word, mock.Office);
      const controller = new AbortController();
      let calls = 0;
      doc.onParagraphsChanged(() => calls++, controller.signal);
      vi.advanceTimersByTime(POLL_MS * 3 + 10);
      expect(calls).toBe(3);
      controller.abort();
      vi.advanceTimersByTime(POLL_MS * 3);
      expect(calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
