// Scans the document: one batched read of all paragraphs, then detection in chunks that yield to the UI between
// them. A ParagraphDetector keeps the matches of unchanged paragraphs, so a rescan after an edit re-detects only
// the paragraphs whose text changed.
import { analysePlan, type Analysis } from '../../../core/analysis.js';
import { catalogDetector, ParagraphDetector, type Match } from '../../../core/detect/index.js';
import type { WordDocument, WordParagraph } from '../word/document.js';

export interface ScanResult {
  paragraphs: WordParagraph[];
  matches: Match[][];
  analysis: Analysis;
  /** Paragraphs that had to be detected (not in the cache). */
  detected: number;
  chunks: number;
  readMs: number;
  detectMs: number;
}

export interface ScannerOptions {
  /** Paragraphs detected between two yields. */
  chunkSize?: number;
  yieldToUi?: () => Promise<void>;
}

/** Gives the browser (and Word's UI thread in the web host) a turn between chunks. */
export function defaultYield(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Scanner {
  private readonly detector = new ParagraphDetector(catalogDetector());
  /** Texts the ParagraphDetector holds matches for. */
  private known: string[] = [];
  private knownSet = new Set<string>();
  private readonly chunkSize: number;
  private readonly yieldToUi: () => Promise<void>;

  constructor(
    private readonly doc: WordDocument,
    options: ScannerOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? 200;
    this.yieldToUi = options.yieldToUi ?? defaultYield;
  }

  /** Detects matches per paragraph, in chunks; only texts not seen in the previous scan are detected. */
  async detect(texts: readonly string[], signal?: AbortSignal): Promise<{ matches: Match[][]; detected: number; chunks: number }> {
    const fresh = [...new Set(texts.filter((t) => !this.knownSet.has(t)))];
    let chunks = 0;
    for (let i = 0; i < fresh.length; i += this.chunkSize) {
      if (signal?.aborted) throw signal.reason ?? new Error('Afbrudt');
      // Keeping the known texts in the call keeps their cached matches; only the chunk is detected.
      const batch = fresh.slice(i, i + this.chunkSize);
      this.detector.detect([...this.known, ...batch]);
      this.known.push(...batch);
      chunks++;
      await this.yieldToUi();
    }
    const matches = this.detector.detect(texts);
    this.known = [...new Set(texts)];
    this.knownSet = new Set(this.known);
    return { matches, detected: fresh.length, chunks };
  }

  async scan(ignore: readonly string[], signal?: AbortSignal): Promise<ScanResult> {
    const t0 = performance.now();
    const paragraphs = await this.doc.readParagraphs();
    const t1 = performance.now();
    const { matches, detected, chunks } = await this.detect(
      paragraphs.map((p) => p.text),
      signal,
    );
    const analysis = analysePlan(
      paragraphs.map((p) => (p.heading ? { text: p.text, heading: true, level: p.level ?? 1 } : { text: p.text })),
      { ignore, matches },
    );
    return { paragraphs, matches, analysis, detected, chunks, readMs: t1 - t0, detectMs: performance.now() - t1 };
  }

  /** The matches of one paragraph text (for the selection), from the cache when possible. */
  matchesFor(text: string): Match[] {
    return catalogDetector().detect(text);
  }
}
