// The small interface the panel uses to talk to Word. The Office.js adapter implements it for real Word; the fake
// document implements it in memory for the panel tests and the end-to-end test.
import type { TextBlock } from '../../../core/blocks.js';

export interface WordParagraph {
  text: string;
  heading?: boolean;
  /** Heading level (1 = top) for heading paragraphs. */
  level?: number;
  /** Word's built-in style name, when known ("Heading1", "Normal", "ListParagraph", …). */
  style?: string;
}

/** A detector match in the document: paragraph index and UTF-16 offsets into that paragraph's text. */
export interface MatchTarget {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface InsertResult {
  /** The selection was not empty: the block went in after it, the selection was kept. */
  afterSelection: boolean;
  tag: string;
  paragraphs: number;
}

export interface InsertedBlock {
  tag: string;
  id: string;
  version: string;
}

/** Where the writer's selection is: the text of its first paragraph and offsets into it. */
export interface SelectionInfo {
  paragraphText: string;
  start: number;
  end: number;
}

export interface Capabilities {
  /** Range.highlight() (WordApi 1.8). */
  highlight: boolean;
  /** Range.insertComment() (WordApi 1.4). */
  comments: boolean;
  /** Document.onParagraphChanged (WordApi 1.6); without it the panel rescans on a timer. */
  paragraphEvents: boolean;
}

export interface WordDocument {
  readonly capabilities: Capabilities;
  /** All paragraphs, read in one batch. */
  readParagraphs(): Promise<WordParagraph[]>;
  /** Selects the match in the document; false when the paragraph no longer holds it. */
  selectMatch(target: MatchTarget): Promise<boolean>;
  selectionIsEmpty(): Promise<boolean>;
  readSelection(): Promise<SelectionInfo | null>;
  /** Inserts the block after the selection (never over it), as Word structure in one batch, in a tagged content control. */
  insertBlock(block: TextBlock): Promise<InsertResult>;
  findInsertedBlocks(): Promise<InsertedBlock[]>;
  /** Temporary highlight of the given matches (capabilities.highlight); nothing is written into the document. */
  highlight(targets: MatchTarget[]): Promise<number>;
  clearHighlights(): Promise<void>;
  /** Adds a Word comment on the match (capabilities.comments); only on the writer's explicit request. */
  addComment(target: MatchTarget, text: string): Promise<boolean>;
  getSetting<T>(key: string): T | undefined;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Calls `listener` when paragraphs may have changed (event, or timer fallback), until `signal` aborts. */
  onParagraphsChanged(listener: () => void, signal: AbortSignal): void;
  onSelectionChanged(listener: () => void, signal: AbortSignal): void;
}

/** Heading level from Word's built-in style or outline level (1–9); undefined for body text. */
export function headingLevel(style: string | undefined, outlineLevel: number | undefined): number | undefined {
  const m = style ? /^Heading([1-9])$/i.exec(style) : null;
  if (m) return Number(m[1]);
  if (style && /^Title$/i.test(style)) return 1;
  if (typeof outlineLevel === 'number' && outlineLevel >= 1 && outlineLevel <= 9 && style && !/^Normal$/i.test(style)) {
    return outlineLevel;
  }
  return undefined;
}
