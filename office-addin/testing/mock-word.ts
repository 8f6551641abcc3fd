// A Word object model for the adapter tests and the benchmark, built on office-addin-mock: the request context and
// the document tree are OfficeMockObjects (so reading a paragraph collection before load + sync fails as in Word),
// the paragraphs and ranges are a small model of Word's behaviour (search as Word does it, insertParagraph, lists,
// content controls, selection). It records syncs and the operations queued between them.
/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { emulateWordSearch } from '../src/word/search-plan.js';

export interface MockParagraphInit {
  text: string;
  styleBuiltIn?: string;
  outlineLevel?: number;
}

export interface MockParagraph {
  text: string;
  styleBuiltIn: string;
  outlineLevel: number;
  listId?: number;
  italic?: boolean;
}

interface Pos {
  p: MockParagraph;
  offset: number;
}

export interface MockControl {
  tag: string;
  title: string;
  appearance?: string;
  first: MockParagraph;
  last: MockParagraph;
}

export interface MockLog {
  syncs: number;
  loads: string[];
  /** Operations in order, with "sync" markers between batches. */
  ops: string[];
  searches: string[];
  highlighted: string[];
  comments: { text: string; on: string }[];
}

export interface MockWord {
  Word: typeof Word;
  Office: typeof Office;
  log: MockLog;
  paragraphs: MockParagraph[];
  controls: MockControl[];
  selection: { from: Pos; to: Pos };
  settings: Map<string, unknown>;
  /** The currently selected text. */
  selectedText(): string;
  select(paragraph: number, start: number, end?: number): void;
}

export function createMockWord(init: MockParagraphInit[], { sets = ['1.3', '1.4', '1.6', '1.8'] } = {}): MockWord {
  const log: MockLog = { syncs: 0, loads: [], ops: [], searches: [], highlighted: [], comments: [] };
  const paragraphs: MockParagraph[] = init.map((p) => ({ text: p.text, styleBuiltIn: p.styleBuiltIn ?? 'Normal', outlineLevel: p.outlineLevel ?? 10 }));
  const controls: MockControl[] = [];
  const settings = new Map<string, unknown>();
  let nextList = 1;
  const first = paragraphs[0] ?? { text: '', styleBuiltIn: 'Normal', outlineLevel: 10 };
  if (paragraphs.length === 0) paragraphs.push(first);
  const state = { selection: { from: { p: first, offset: 0 }, to: { p: first, offset: 0 } } };

  const index = (p: MockParagraph) => paragraphs.indexOf(p);
  const textBetween = (from: Pos, to: Pos): string => {
    const a = index(from.p);
    const b = index(to.p);
    if (a === b) return from.p.text.slice(from.offset, to.offset);
    const parts = [from.p.text.slice(from.offset)];
    for (let i = a + 1; i < b; i++) parts.push(paragraphs[i]!.text);
    parts.push(to.p.text.slice(0, to.offset));
    return parts.join('\r');
  };

  const range = (from: Pos, to: Pos): Record<string, unknown> => {
    const r = {
      get text() {
        return textBetween(from, to);
      },
      load(props?: string) {
        log.loads.push(`range:${props ?? ''}`);
        return r;
      },
      getRange(where: 'Start' | 'End' | 'Whole' = 'Whole') {
        return where === 'Start' ? range(from, from) : where === 'End' ? range(to, to) : range(from, to);
      },
      expandTo(other: { __from: Pos; __to: Pos }) {
        return range(from, other.__to);
      },
      select() {
        log.ops.push(`select:${index(from.p)}:${from.offset}-${to.offset}`);
        state.selection = { from, to };
      },
      highlight() {
        log.highlighted.push(textBetween(from, to));
      },
      removeHighlight() {
        log.highlighted = [];
      },
      insertComment(text: string) {
        log.comments.push({ text, on: textBetween(from, to) });
      },
      insertContentControl() {
        const control: MockControl = { tag: '', title: '', first: from.p, last: to.p };
        controls.push(control);
        log.ops.push('insertContentControl');
        return control;
      },
      paragraphs: {
        getFirst: () => paragraphObject(from.p),
        getLast: () => paragraphObject(to.p),
      },
      __from: from,
      __to: to,
    };
    return r;
  };

  const insertAfter = (anchor: MockParagraph, text: string): MockParagraph => {
    const p: MockParagraph = { text, styleBuiltIn: 'Normal', outlineLevel: 10 };
    if (anchor.listId !== undefined) p.listId = anchor.listId;
    paragraphs.splice(index(anchor) + 1, 0, p);
    return p;
  };

  // The proxy object the API hands out for a paragraph.
  const paragraphObject = (p: MockParagraph): Record<string, unknown> => {
    const whole = range({ p, offset: 0 }, { p, offset: p.text.length });
    const o: Record<string, unknown> = {
      get text() {
        return p.text;
      },
      get styleBuiltIn() {
        return p.styleBuiltIn;
      },
      set styleBuiltIn(style: string) {
        p.styleBuiltIn = style;
        log.ops.push(`style:${style}`);
      },
      get outlineLevel() {
        return p.outlineLevel;
      },
      font: {
        set italic(v: boolean) {
          p.italic = v;
        },
      },
      load(props?: string) {
        log.loads.push(`paragraph:${props ?? ''}`);
        return o;
      },
      search(needle: string, options?: { matchCase?: boolean }) {
        log.searches.push(needle);
        if (!options?.matchCase) throw new Error('the adapter must search with matchCase');
        const found = emulateWordSearch(p.text, needle);
        const items = found.map((f) => range({ p, offset: f.start }, { p, offset: f.end }));
        const collection = {
          items,
          load(props?: string) {
            log.loads.push(`search:${props ?? ''}`);
            return collection;
          },
        };
        return collection;
      },
      insertParagraph(text: string, where: 'Before' | 'After') {
        if (where !== 'After') throw new Error('the mock supports After');
        log.ops.push(`insertParagraph:${text.slice(0, 40)}`);
        return paragraphObject(insertAfter(p, text));
      },
      startNewList() {
        p.listId = nextList++;
        log.ops.push('startNewList');
        const listId = p.listId;
        return {
          insertParagraph(text: string, where: 'End') {
            if (where !== 'End') throw new Error('the mock supports End');
            const members = paragraphs.filter((x) => x.listId === listId);
            const q = insertAfter(members[members.length - 1]!, text);
            log.ops.push(`listItem:${text.slice(0, 40)}`);
            return paragraphObject(q);
          },
        };
      },
      detachFromList() {
        delete p.listId;
        log.ops.push('detachFromList');
      },
      getRange: (where: 'Start' | 'End' | 'Whole' = 'Whole') => (whole.getRange as (w: string) => unknown)(where),
    };
    return o;
  };

  // The request context: OfficeMockObjects for the tree, a collection whose items appear only after load + sync.
  const collection = (kind: string, items: () => unknown[]) => ({
    items: [] as unknown[],
    load(this: OfficeMockObject & { items: unknown }, props: string) {
      log.loads.push(`${kind}:${props}`);
      // Fresh proxies per load, like a new batch in Word.
      (this as unknown as { setValue(name: string, value: unknown): void }).setValue('items', items());
      OfficeMockObject.prototype.load.call(this, 'items');
      return this;
    },
  });
  const context = new OfficeMockObject({
    document: {
      body: {
        paragraphs: collection('paragraphs', () => paragraphs.map(paragraphObject)),
        getRange: () => range({ p: paragraphs[0]!, offset: 0 }, { p: paragraphs[paragraphs.length - 1]!, offset: 0 }),
      },
      contentControls: collection('contentControls', () => controls.map((c) => ({ tag: c.tag, title: c.title }))),
      getSelection: () => range(state.selection.from, state.selection.to),
      onParagraphChanged: { add: () => ({ remove() {}, context: {} }) },
    },
  }) as unknown as OfficeMockObject & { sync(): Promise<void> };
  const mockSync = context.sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    log.syncs++;
    log.ops.push('sync');
    await mockSync();
    // Let the mock's own nested syncs settle.
    await new Promise((r) => setTimeout(r, 0));
  };
  const word = new OfficeMockObject({
    run: async (batch: (ctx: unknown) => Promise<unknown>) => batch(context),
  }) as unknown as typeof Word;

  const office = {
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'WordApi' && sets.includes(version) },
      document: {
        settings: {
          get: (key: string) => (settings.has(key) ? settings.get(key) : null),
          set: (key: string, value: unknown) => settings.set(key, value),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
        },
        addHandlerAsync: () => undefined,
        removeHandlerAsync: () => undefined,
      },
    },
    EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
    AsyncResultStatus: { Failed: 'failed', Succeeded: 'succeeded' },
  } as unknown as typeof Office;

  return {
    Word: word,
    Office: office,
    log,
    paragraphs,
    controls,
    get selection() {
      return state.selection;
    },
    settings,
    selectedText: () => textBetween(state.selection.from, state.selection.to),
    select(paragraph, start, end = start) {
      const p = paragraphs[paragraph]!;
      state.selection = { from: { p, offset: start }, to: { p, offset: end } };
    },
  };
}
