// What the content script's features share: the page's document, our shadow host and the field tracker.
import type { Host } from '../lib/host.js';
import type { Tracker } from '../lib/tracker.js';

export interface PageContext {
  doc: Document;
  host: Host;
  tracker: Tracker;
  /** Key of the page for per-page settings (origin + path of the top page where readable). */
  pageKey: string;
}
