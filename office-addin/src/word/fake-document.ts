// An in-memory Word document behind the same interface as the Office.js adapter. The panel tests and the
// end-to-end test drive the real panel against it; go-to goes through the same search plan as in Word.
import { blockTag, parseBlockTag, type TextBlock } from '../../../core/blocks.js';
import type {
  Capabilities,
  InsertedBlock,
  InsertResult,
  MatchTarget,
  SelectionInfo,
  WordDocument,
  WordParagraph,
} from './document.js';
import { emulateWordSearch, planSearch } from './search-plan.js';

export interface FakeParagraph extends WordParagraph {
  /** Tag of the content control the paragraph sits in. */
  control?: string;
}

export interface FakeSelection {
  paragraph: number;
  start: number;
  end: number;
}

export class FakeWordDocument implements WordDocument {
  readonly capabilities: Capabilities;
  paragraphs: FakeParagraph[];
  selection: FakeSelection = { paragraph: 0, start: 0, end: 0 };
  readonly comments: { target: MatchTarget; text: string }[] = [];
  highlights: MatchTarget[] = [];
  /** Batches sent to the "host" (one per method call that touches the document). */
  batches = 0;
  private settings = new Map<string, unknown>();
  private changeListeners = new Set<() => void>();
  private selectionListeners = new Set<() => void>();

  constructor(paragraphs: WordParagraph[], capabilities: Partial<Capabilities> = {}) {
    this.paragraphs = paragraphs.map((p) => ({ ...p }));
    this.capabilities = { highlight: true, comments: true, paragraphEvents: true, ...capabilities };
  }

  // ---------- what a writer does (tests) ----------

  /** Replaces a paragraph's text, as typing would, and fires the paragraph-changed event. */
  edit(index: number, text: string): void {
    const p = this.paragraphs[index];
    if (!p) throw new Error(`Intet afsnit ${index}`);
    p.text = text;
    this.emitChange();
  }

  addParagraph(index: number, paragraph: WordParagraph): void {
    this.paragraphs.splice(index, 0, { ...paragraph });
    this.emitChange();
  }

  setSelection(paragraph: number, start: number, end = start): void {
    this.selection = { paragraph, start, end };
    for (const l of this.selectionListeners) l();
  }

  selectedText(): string {
    const p = this.paragraphs[this.selection.paragraph];
    return p ? p.text.slice(this.selection.start, this.selection.end) : '';
  }

  private emitChange() {
    for (const l of this.changeListeners) l();
  }

  // ---------- WordDocument ----------

  async readParagraphs(): Promise<WordParagraph[]> {
    this.batches++;
    return this.paragraphs.map(({ control: _control, ...p }) => ({ ...p }));
  }

  private locate(target: MatchTarget): FakeSelection | null {
    const p = this.paragraphs[target.paragraph];
    if (!p || p.text.slice(target.start, target.end) !== target.text) return null;
    const plan = planSearch(p.text, target.start, target.end);
    if (!plan) return null;
    const head = emulateWordSearch(p.text, plan.head.needle)[plan.head.occurrence];
    if (!head) return null;
    const tail = plan.tail ? emulateWordSearch(p.text, plan.tail.needle)[plan.tail.occurrence] : head;
    if (!tail) return null;
    return { paragraph: target.paragraph, start: head.start, end: tail.end };
  }

  async selectMatch(target: MatchTarget): Promise<boolean> {
    this.batches++;
    const found = this.locate(target);
    if (!found) return false;
    this.setSelection(found.paragraph, found.start, found.end);
    return true;
  }

  async selectionIsEmpty(): Promise<boolean> {
    return this.selection.end <= this.selection.start;
  }

  async readSelection(): Promise<SelectionInfo | null> {
    const p = this.paragraphs[this.selection.paragraph];
    if (!p) return null;
    return { paragraphText: p.text, start: this.selection.start, end: this.selection.end };
  }

  async insertBlock(block: TextBlock): Promise<InsertResult> {
    this.batches++;
    const tag = blockTag(block);
    const afterSelection = this.selection.end > this.selection.start;
    const added: FakeParagraph[] = [];
    for (const node of block.nodes) {
      if (node.type === 'heading') {
        added.push({ text: node.text, heading: true, level: node.level, style: `Heading${node.level}`, control: tag });
      } else if (node.type === 'list') {
        for (const item of node.items) added.push({ text: node.checklist ? `☐ ${item}` : item, style: 'ListParagraph', control: tag });
      } else added.push({ text: node.text, style: 'Normal', control: tag });
    }
    const at = Math.min(this.selection.paragraph + 1, this.paragraphs.length);
    this.paragraphs.splice(at, 0, ...added);
    this.emitChange();
    return { afterSelection, tag, paragraphs: added.length };
  }

  async findInsertedBlocks(): Promise<InsertedBlock[]> {
    const tags = [...new Set(this.paragraphs.map((p) => p.control).filter((t): t is string => Boolean(t)))];
    return tags.flatMap((tag) => {
      const parsed = parseBlockTag(tag);
      return parsed ? [{ tag, id: parsed.id, version: parsed.version }] : [];
    });
  }

  async highlight(targets: MatchTarget[]): Promise<number> {
    this.highlights = targets.filter((t) => this.locate(t));
    return this.highlights.length;
  }

  async clearHighlights(): Promise<void> {
    this.highlights = [];
  }

  async addComment(target: MatchTarget, text: string): Promise<boolean> {
    if (!this.locate(target)) return false;
    this.comments.push({ target, text });
    return true;
  }

  getSetting<T>(key: string): T | undefined {
    return this.settings.get(key) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }

  onParagraphsChanged(listener: () => void, signal: AbortSignal): void {
    this.changeListeners.add(listener);
    signal.addEventListener('abort', () => this.changeListeners.delete(listener), { once: true });
  }

  onSelectionChanged(listener: () => void, signal: AbortSignal): void {
    this.selectionListeners.add(listener);
    signal.addEventListener('abort', () => this.selectionListeners.delete(listener), { once: true });
  }
}
