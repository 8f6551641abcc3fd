// The Office.js implementation of WordDocument. Every method is one Word.run with as few syncs as the API allows;
// a scan is one load of all paragraph texts and one sync, whatever the size of the document.
/// <reference types="office-js" />
import { blockTag, parseBlockTag, type BlockNode, type TextBlock } from '../../../core/blocks.js';
import type {
  Capabilities,
  InsertedBlock,
  InsertResult,
  MatchTarget,
  SelectionInfo,
  WordDocument,
  WordParagraph,
} from './document.js';
import { headingLevel } from './document.js';
import { planSearch } from './search-plan.js';

type WordApi = typeof Word;
type OfficeApi = typeof Office;

/** Polling interval where Word has no paragraph-changed event (while the pane is visible). */
export const POLL_MS = 3000;

const HEADING_STYLES = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;

export class OfficeWordDocument implements WordDocument {
  readonly capabilities: Capabilities;

  constructor(
    private readonly word: WordApi = Word,
    private readonly office: OfficeApi = Office,
  ) {
    const supported = (version: string) => {
      try {
        return Boolean(office.context?.requirements?.isSetSupported('WordApi', version));
      } catch {
        return false;
      }
    };
    this.capabilities = { highlight: supported('1.8'), comments: supported('1.4'), paragraphEvents: supported('1.6') };
  }

  async readParagraphs(): Promise<WordParagraph[]> {
    return this.word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load('items/text,items/styleBuiltIn,items/outlineLevel');
      await context.sync();
      return paragraphs.items.map((p) => {
        const style = String(p.styleBuiltIn ?? '');
        const level = headingLevel(style, typeof p.outlineLevel === 'number' ? p.outlineLevel : undefined);
        const out: WordParagraph = { text: p.text ?? '', style };
        if (level !== undefined) Object.assign(out, { heading: true, level });
        return out;
      });
    });
  }

  /** The match's range, found with paragraph.search(); null when the paragraph no longer holds the match. */
  private async findRange(context: Word.RequestContext, target: MatchTarget): Promise<Word.Range | null> {
    const paragraphs = context.document.body.paragraphs;
    paragraphs.load('items/text');
    await context.sync();
    const paragraph = paragraphs.items[target.paragraph];
    if (!paragraph) return null;
    const text = paragraph.text ?? '';
    if (text.slice(target.start, target.end) !== target.text) return null;
    const plan = planSearch(text, target.start, target.end);
    if (!plan) return null;
    const head = paragraph.search(plan.head.needle, { matchCase: true });
    head.load('items/text');
    const tail = plan.tail ? paragraph.search(plan.tail.needle, { matchCase: true }) : undefined;
    tail?.load('items/text');
    await context.sync();
    const first = head.items[plan.head.occurrence];
    if (!first) return null;
    if (!plan.tail || !tail) return first;
    const last = tail.items[plan.tail.occurrence];
    return last ? first.expandTo(last) : first;
  }

  async selectMatch(target: MatchTarget): Promise<boolean> {
    return this.word.run(async (context) => {
      const range = await this.findRange(context, target);
      if (!range) return false;
      range.select();
      await context.sync();
      return true;
    });
  }

  async selectionIsEmpty(): Promise<boolean> {
    return this.word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.load('text');
      await context.sync();
      return (selection.text ?? '') === '';
    });
  }

  async readSelection(): Promise<SelectionInfo | null> {
    return this.word.run(async (context) => {
      const selection = context.document.getSelection();
      const paragraph = selection.paragraphs.getFirst();
      const before = paragraph.getRange('Start').expandTo(selection.getRange('Start'));
      selection.load('text');
      paragraph.load('text');
      before.load('text');
      await context.sync();
      const paragraphText = paragraph.text ?? '';
      const start = Math.min((before.text ?? '').length, paragraphText.length);
      const end = Math.min(start + (selection.text ?? '').length, paragraphText.length);
      return { paragraphText, start, end };
    });
  }

  async insertBlock(block: TextBlock): Promise<InsertResult> {
    const tag = blockTag(block);
    return this.word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.load('text');
      await context.sync();
      const afterSelection = (selection.text ?? '') !== '';
      // Everything below is queued and sent in one sync: one batch, one undo step. The block goes after the
      // paragraph holding the selection, so a selection is never overwritten.
      let anchor: Word.Paragraph = selection.paragraphs.getLast();
      let first: Word.Paragraph | undefined;
      let count = 0;
      let afterList = false;
      const add = (text: string, style: Word.BuiltInStyleName | `${Word.BuiltInStyleName}`) => {
        const p = anchor.insertParagraph(text, 'After');
        // A paragraph inserted after a list item would join the list.
        if (afterList) p.detachFromList();
        afterList = false;
        p.styleBuiltIn = style as Word.BuiltInStyleName;
        first ??= p;
        anchor = p;
        count++;
        return p;
      };
      for (const node of block.nodes) {
        this.addNode(node, add, (p) => (anchor = p), () => count++);
        afterList = node.type === 'list';
      }
      const start = first ?? anchor;
      const range = start.getRange('Start').expandTo(anchor.getRange('End'));
      const control = range.insertContentControl();
      control.tag = tag;
      control.title = block.title;
      control.appearance = 'BoundingBox';
      await context.sync();
      return { afterSelection, tag, paragraphs: count };
    });
  }

  private addNode(
    node: BlockNode,
    add: (text: string, style: `${Word.BuiltInStyleName}`) => Word.Paragraph,
    moveAnchor: (p: Word.Paragraph) => void,
    counted: () => void,
  ) {
    if (node.type === 'heading') add(node.text, HEADING_STYLES[node.level]);
    else if (node.type === 'paragraph' || node.type === 'placeholder') {
      const p = add(node.text, 'Normal');
      if (node.type === 'placeholder') p.font.italic = true;
      if (node.type === 'paragraph' && node.role === 'citation') p.font.italic = true;
    } else {
      // A real Word list: the first item starts it, the others join it; no sync needed in between.
      const [firstItem, ...rest] = node.items.map((i) => (node.checklist ? `☐ ${i}` : i));
      if (firstItem === undefined) return;
      const head = add(firstItem, 'ListParagraph');
      const list = head.startNewList();
      for (const item of rest) {
        const p = list.insertParagraph(item, 'End');
        moveAnchor(p);
        counted();
      }
    }
  }

  async findInsertedBlocks(): Promise<InsertedBlock[]> {
    return this.word.run(async (context) => {
      const controls = context.document.contentControls;
      controls.load('items/tag');
      await context.sync();
      const out: InsertedBlock[] = [];
      for (const c of controls.items) {
        const parsed = parseBlockTag(c.tag ?? '');
        if (parsed) out.push({ tag: c.tag, id: parsed.id, version: parsed.version });
      }
      return out;
    });
  }

  async highlight(targets: MatchTarget[]): Promise<number> {
    if (!this.capabilities.highlight || targets.length === 0) return 0;
    return this.word.run(async (context) => {
      let done = 0;
      for (const t of targets) {
        const range = await this.findRange(context, t);
        if (range) {
          range.highlight();
          done++;
        }
      }
      await context.sync();
      return done;
    });
  }

  async clearHighlights(): Promise<void> {
    if (!this.capabilities.highlight) return;
    await this.word.run(async (context) => {
      context.document.body.getRange('Whole').removeHighlight();
      await context.sync();
    });
  }

  async addComment(target: MatchTarget, text: string): Promise<boolean> {
    if (!this.capabilities.comments) return false;
    return this.word.run(async (context) => {
      const range = await this.findRange(context, target);
      if (!range) return false;
      range.insertComment(text);
      await context.sync();
      return true;
    });
  }

  getSetting<T>(key: string): T | undefined {
    const value = this.office.context?.document?.settings?.get(key) as T | null | undefined;
    return value ?? undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    const settings = this.office.context.document.settings;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((r) => (r.status === this.office.AsyncResultStatus.Failed ? reject(r.error) : resolve())),
    );
  }

  onParagraphsChanged(listener: () => void, signal: AbortSignal): void {
    if (!this.capabilities.paragraphEvents) {
      const timer = setInterval(() => {
        if (typeof document === 'undefined' || document.visibilityState === 'visible') listener();
      }, POLL_MS);
      signal.addEventListener('abort', () => clearInterval(timer), { once: true });
      return;
    }
    let registration: OfficeExtension.EventHandlerResult<Word.ParagraphChangedEventArgs> | undefined;
    void this.word
      .run(async (context) => {
        registration = context.document.onParagraphChanged.add(async () => listener());
        await context.sync();
      })
      .then(() => {
        if (signal.aborted) void this.removeHandler(registration);
      });
    signal.addEventListener('abort', () => void this.removeHandler(registration), { once: true });
  }

  private async removeHandler(registration: OfficeExtension.EventHandlerResult<Word.ParagraphChangedEventArgs> | undefined) {
    if (!registration) return;
    // Word.run accepts the handler's own context (documented; missing from the typings).
    const runIn = this.word.run as unknown as (ctx: unknown, batch: (c: Word.RequestContext) => Promise<void>) => Promise<void>;
    await runIn.call(this.word, registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  }

  onSelectionChanged(listener: () => void, signal: AbortSignal): void {
    const type = this.office.EventType.DocumentSelectionChanged;
    const handler = () => listener();
    this.office.context.document.addHandlerAsync(type, handler);
    signal.addEventListener('abort', () => this.office.context.document.removeHandlerAsync(type, { handler }), {
      once: true,
    });
  }
}
